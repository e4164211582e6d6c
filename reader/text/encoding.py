"""Decoding bytes of unknown encoding into text.

Chinese and Korean files come as UTF-8 (with or without BOM), UTF-16 with BOM,
GB18030/GBK, Big5 or EUC-KR/CP949. The legacy double-byte encodings overlap so much
that most files decode without error in several of them, so each candidate decoding
is judged by how much it reads like real text: common characters of the language,
and for Korean, spaces between words.
"""

from __future__ import annotations

import codecs
from functools import lru_cache

from .scripts import is_han, is_hangul

LEGACY_CANDIDATES = ("gb18030", "cp949", "big5")

# The most frequent characters of Chinese prose, simplified and traditional. A
# mis-decoded file yields valid but rare characters, so their share tells a real
# decoding from mojibake.
_FREQUENT_ZH = (
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用"
    "道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者"
    "意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利"
    "什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走"
    "义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山"
    "金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类"
    "求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极"
    "林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级"
    "整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装"
    "广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑"
    "维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项"
    "故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛"
    "状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆"
    "习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗"
    "积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁"
    "控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介"
    "坏讨丽良序升监临亮露永呼味野架域沙掉括舰鱼杂误湾吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移娘朋画"
    "班智亦耳恩短掌恐遗固席松秘谢鲁遇康虑幸均销钟诗藏赶剧票损忽巨炮旧端探湖录叶春乡附吸予礼港雨呀板庭妇归睛饭"
    "额含顺输摇招婚脱补谓督毒油疗旅泽材灭逐莫笔亡鲜词圣择寻厂睡博勒烟授诺伦岸奥唐卖俄炸载洛健堂旁宫喝借君禁阴"
    "园谋宋避抓荣姑孙逃牙束跳顶玉镇雪午练迫爷篇肉嘴馆遍凡础洞卷坦牛宁纸诸训私庄祖丝翻暴森塔默握戏隐熟骨访弱蒙"
)


@lru_cache(maxsize=1)
def _frequent_chars() -> frozenset[str]:
    import opencc

    traditional = opencc.OpenCC("s2t").convert(_FREQUENT_ZH)
    return frozenset(_FREQUENT_ZH) | frozenset(traditional)


BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class UndecodableText(ValueError):
    pass


class BinaryData(ValueError):
    pass


def plausibility(text: str) -> float:
    """How much a decoding reads like Chinese or Korean prose, from 0 to 1."""
    frequent = _frequent_chars()
    han = hangul = hangul_runs = frequent_han = 0
    odd = 0
    prev_hangul = False
    for ch in text:
        if is_hangul(ch):
            hangul += 1
            if not prev_hangul:
                hangul_runs += 1
            prev_hangul = True
            continue
        prev_hangul = False
        if is_han(ch):
            han += 1
            if ch in frequent:
                frequent_han += 1
        elif ord(ch) >= 0x80 and not ch.isspace() and not _is_cjk_punct(ch):
            odd += 1
    letters = han + hangul + odd
    if not letters:
        return 0.0
    if hangul >= han:
        # Korean: words are short runs of syllables separated by spaces.
        mean_run = hangul / max(hangul_runs, 1)
        shape = 1.0 if mean_run <= 8 else 8 / mean_run
        return (hangul / letters) * shape
    return (frequent_han / letters) * (han / letters)


def _is_cjk_punct(ch: str) -> bool:
    o = ord(ch)
    return 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF or 0x2000 <= o <= 0x206F


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > len(sample) * 0.05


def _utf16_without_bom(data: bytes) -> tuple[float, str, str] | None:
    """(plausibility, encoding, text) if the bytes read as prose in UTF-16 LE or BE.

    Without a byte-order mark UTF-16 looks binary (every ASCII character has a NUL
    byte), so it is tried before the binary test: it must decode strictly, hold no
    NUL or other control characters, and read like prose.
    """
    if len(data) < 4 or len(data) % 2:
        return None
    best = None
    for name in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if any(ord(ch) < 32 and ch not in "\t\n\r\x0c" for ch in text[:4096]):
            continue
        score = plausibility(text[:20000])
        if score >= 0.2 and (best is None or score > best[0]):
            best = (score, name, text)
    return best


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Decode bytes; returns (text, encoding used).

    Raises BinaryData for files that are not text and UndecodableText when no
    supported encoding fits.
    """
    if encoding:
        try:
            return data.decode(encoding), encoding
        except LookupError:
            raise UndecodableText(f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise UndecodableText(
                f"not valid {encoding} text (byte {exc.start}: {data[exc.start : exc.start + 4]!r})"
            ) from None
    for bom, name in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                raise UndecodableText(f"starts with a {name} byte-order mark but is not {name}") from None
    # UTF-16 without a byte-order mark shows itself by NUL bytes (every line break and
    # ASCII character has one); without them, legacy encodings decode as UTF-16 too.
    utf16 = _utf16_without_bom(data) if b"\x00" in data[:8192] else None
    if utf16 is not None:
        return utf16[2], utf16[1]
    if looks_binary(data):
        raise BinaryData("binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best: tuple[float, str, str] | None = None
    for name in LEGACY_CANDIDATES:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        score = plausibility(text)
        if best is None or score > best[0]:
            best = (score, name, text)
    if best is None or best[0] < 0.2:
        raise UndecodableText("cannot tell the encoding (tried UTF-8, UTF-16, GB18030, CP949, Big5); use --encoding")
    return best[2], best[1]
