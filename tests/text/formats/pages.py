"""Test pages made here from the seed texts, in the layouts of Chinese government
sites (our own markup, not copied pages), and the measures the tests and
benchmarks/intake_bench.py share.

* ``policy_library_page``: gov.cn's policy library: a metadata table (索引号, 主题分类,
  发文机关, 成文日期, 标题, 发文字号, 发布日期), the title as ``<h1>``, the body in
  ``<p>``s, navigation, breadcrumbs, share buttons, a related-articles list, a footer;
  declared gb2312 and encoded as GB18030.
* ``table_layout_page``: an older ministry page laid out in tables, the body one cell
  with ``<br>`` between paragraphs, declared gbk.
* ``web_archive``: a page saved by a browser as .mhtml (quoted-printable HTML part).
"""

from __future__ import annotations

import html
import quopri
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from tests.conftest import SEED_000, SEED_002

POLICY_METADATA = {
    "title": "国务院关于中西部地区承接产业转移的指导意见",
    "issuer": "国务院",
    "doc_number": "国发〔2010〕28号",
    "date": "2010年08月31日",
    "date_published": "2010年09月06日",
}
POLICY_URL = "https://www.gov.cn/zhengce/zhengceku/2010-09/06/content_7155.htm"
TABLE_PAGE_TITLE = "关于促进制造业有序转移的指导意见"


def seed_000_chinese() -> list[str]:
    """The Chinese lines of seed 000 as printed: title, number, addressee … date."""
    lines = SEED_000.read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if line.strip() == POLICY_METADATA["title"])
    return [" ".join(line.replace("\u3000", " ").split()) for line in lines[start:] if line.strip()]


def seed_002_lines() -> list[str]:
    return [line.strip().strip("\u3000") for line in SEED_002.read_text(encoding="utf-8").split("\n") if line.strip()]


_NAVIGATION = """<div class="header"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zhengce/">政策</a></li>
<li><a href="/hudong/">互动</a></li><li><a href="/fuwu/">服务</a></li><li><a href="/shuju/">数据</a></li></ul>
<form class="search"><input name="q"><button>搜索</button></form></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zhengce/">政策</a> &gt; <a>政策库</a></div>"""
_SHARE = """<div class="share"><span>分享到：</span><a class="wx">微信</a><a class="wb">微博</a><a class="qq">QQ空间</a>
<a href="javascript:window.print()">【打印】</a><a>【关闭窗口】</a></div>"""
_RELATED = """<div class="related"><h3>相关阅读</h3><ul>
<li><a href="/a">国务院关于促进中部地区崛起的若干意见</a><span>2009-09-23</span></li>
<li><a href="/b">国务院办公厅关于进一步做好产业转移工作的通知</a><span>2011-05-10</span></li>
<li><a href="/c">关于加快推进西部大开发的若干措施</a><span>2012-02-01</span></li></ul></div>"""
_FOOTER = """<div class="footer"><p>主办单位：国务院办公厅　运行维护单位：中国政府网运行中心</p>
<p>版权所有：中国政府网　中文域名：中国政府网.政务　网站标识码bm01000001</p><p>京ICP备05070218号</p></div>"""


def policy_library_page() -> bytes:
    lines = seed_000_chinese()
    body = lines[2:]  # the title and the number are in the metadata table and the <h1>
    paragraphs = "\n".join(f'<p style="text-indent: 2em;">{html.escape(line)}</p>' for line in body[:-1])
    # The signature line of the text file (国务院　…　二○一○年八月三十一日) is printed as
    # two right-aligned paragraphs on the page.
    signature = "".join(f'<p style="text-align: right;">{html.escape(part)}</p>' for part in body[-1].split())
    meta = POLICY_METADATA
    page = f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{meta["title"]}_政策库_中国政府网</title><link rel="canonical" href="{POLICY_URL}"></head>
<body>{_NAVIGATION}
<div class="policyLibraryOverview_header"><table class="bd1" cellpadding="0" cellspacing="1"><tbody>
<tr><td class="t"><b>索　引　号：</b></td><td>000014349/2010-00098</td><td class="t"><b>主题分类：</b></td><td>城乡建设、环境保护\\其他</td></tr>
<tr><td class="t"><b>发文机关：</b></td><td>{meta["issuer"]}</td><td class="t"><b>成文日期：</b></td><td>{meta["date"]}</td></tr>
<tr><td class="t"><b>标　　题：</b></td><td colspan="3">{meta["title"]}</td></tr>
<tr><td class="t"><b>发文字号：</b></td><td>{meta["doc_number"]}</td><td class="t"><b>发布日期：</b></td><td>{meta["date_published"]}</td></tr>
</tbody></table></div>
<div class="article"><h1>{meta["title"]}</h1>
<div class="pages_content" id="UCAP-CONTENT">{paragraphs}
{signature}</div>
{_SHARE}
{_RELATED}</div>
{_FOOTER}</body></html>"""
    return page.encode("gb18030")


def table_layout_page() -> bytes:
    body = "<br>\n".join(f"　　{html.escape(line)}" for line in seed_002_lines())
    page = f"""<html><head><meta charset="gbk"><title>{TABLE_PAGE_TITLE}--工业和信息化部</title></head>
<body><table width="100%"><tr><td><a href="/">首页</a> | <a href="/jg">机构</a> | <a href="/xw">新闻</a>
| <a href="/zc">政策文件</a> | <a href="/hd">互动</a></td></tr></table>
<table width="760" align="center" border="0">
<tr><td align="center" class="title"><b>{TABLE_PAGE_TITLE}</b></td></tr>
<tr><td class="content">{body}</td></tr>
<tr><td align="right">【<a href="javascript:window.print()">打印本页</a>】【<a>关闭窗口</a>】</td></tr></table>
<table width="760" align="center"><tr><td>版权所有：某部网站　地址：北京市西长安街　邮编：100000</td></tr></table>
</body></html>"""
    return page.encode("gb18030")


def web_archive(page: bytes, url: str = POLICY_URL) -> bytes:
    """A .mhtml file holding ``page`` (re-encoded as UTF-8) as a browser saves it."""
    text = page.decode("gb18030").replace("charset=gb2312", "charset=utf-8")
    encoded = quopri.encodestring(text.encode("utf-8")).decode("ascii")
    return (
        "From: <Saved by Blink>\r\n"
        f"Snapshot-Content-Location: {url}\r\n"
        "Subject: page\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/related; type="text/html"; boundary="----MultipartBoundary--x"\r\n\r\n'
        "------MultipartBoundary--x\r\n"
        'Content-Type: text/html; charset="utf-8"\r\n'
        "Content-Transfer-Encoding: quoted-printable\r\n"
        f"Content-Location: {url}\r\n\r\n"
        f"{encoded}\r\n"
        "------MultipartBoundary--x\r\n"
        "Content-Type: text/css\r\nContent-Location: https://www.gov.cn/style.css\r\n\r\n"
        "body { margin: 0 }\r\n"
        "------MultipartBoundary--x--\r\n"
    ).encode("ascii")


def write_pages(folder: Path) -> dict[str, Path]:
    """The three test pages written into folder."""
    pages = {
        "policy_library.html": policy_library_page(),
        "table_layout.htm": table_layout_page(),
        "policy_library.mhtml": web_archive(policy_library_page()),
    }
    paths = {}
    for name, data in pages.items():
        paths[name] = folder / name
        paths[name].write_bytes(data)
    return paths


# -- measures --------------------------------------------------------------------------
def _compact(text: str) -> str:
    return "".join(text.split())


def char_f1(extracted: str, reference: str) -> float:
    """Character F1 of two texts, whitespace ignored: matched characters (in order,
    from the edit alignment) over the lengths of each side."""
    a, b = _compact(extracted), _compact(reference)
    if not a or not b:
        return 0.0
    matched = (len(a) + len(b) - Levenshtein.distance(a, b, weights=(1, 1, 2))) / 2
    precision, recall = matched / len(a), matched / len(b)
    return 2 * precision * recall / (precision + recall) if matched else 0.0


def char_accuracy(recognised: str, reference: str) -> float:
    """1 − (edit distance / reference length), whitespace ignored: the OCR measure."""
    a, b = _compact(recognised), _compact(reference)
    return max(0.0, 1 - Levenshtein.distance(a, b) / max(1, len(b)))
