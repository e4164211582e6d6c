<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../ui/actions.py" line="40"/>
        <source>&amp;File</source>
        <extracomment>Menus in menu-bar order, with their titles.</extracomment>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="41"/>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="42"/>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="43"/>
        <source>&amp;Go</source>
        <translation>이동(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="44"/>
        <source>&amp;Alignment</source>
        <translation>정렬(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="45"/>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="50"/>
        <source>Highlight in yellow</source>
        <extracomment>Keys 1–6 highlight the selection in these colours (names of reader.annotations COLORS).</extracomment>
        <translation>노랑으로 강조</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="51"/>
        <source>Highlight in green</source>
        <translation>초록으로 강조</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="52"/>
        <source>Highlight in blue</source>
        <translation>파랑으로 강조</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="53"/>
        <source>Highlight in pink</source>
        <translation>분홍으로 강조</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="54"/>
        <source>Highlight in purple</source>
        <translation>보라로 강조</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="55"/>
        <source>Highlight in orange</source>
        <translation>주황으로 강조</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="74"/>
        <source>&amp;Import…</source>
        <translation>가져오기(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="75"/>
        <source>&amp;Paste as document</source>
        <translation>붙여넣어 문서 만들기(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="76"/>
        <source>Attach &amp;translation…</source>
        <translation>번역문 붙이기(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="77"/>
        <source>&amp;Remove document…</source>
        <translation>문서 삭제(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="78"/>
        <source>&amp;Compare with…</source>
        <translation>비교하기(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="79"/>
        <source>Export co&amp;mparison…</source>
        <translation>대조표 내보내기(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="80"/>
        <source>&amp;Export notes…</source>
        <translation>메모 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="81"/>
        <source>Export parallel &amp;text…</source>
        <translation>원문 대조표 내보내기(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="82"/>
        <source>&amp;Settings…</source>
        <translation>설정(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="83"/>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="84"/>
        <source>&amp;Undo</source>
        <translation>되돌리기(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="85"/>
        <source>&amp;Redo</source>
        <translation>다시 하기(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="86"/>
        <source>&amp;Find in document…</source>
        <translation>문서에서 찾기(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="87"/>
        <source>Find in &amp;library…</source>
        <translation>서재 전체에서 찾기(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="92"/>
        <source>Zoom &amp;in</source>
        <translation>확대(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="93"/>
        <source>Zoom &amp;out</source>
        <translation>축소(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="94"/>
        <source>&amp;Actual size</source>
        <translation>원래 크기(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="95"/>
        <source>S&amp;wap panes</source>
        <translation>좌우 바꾸기(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="96"/>
        <source>&amp;Synchronized scrolling</source>
        <translation>동기 스크롤(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="97"/>
        <source>&amp;Readings above Chinese</source>
        <translation>한자 위에 한자음 표시(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="98"/>
        <source>Comparison: show &amp;translations</source>
        <translation>비교: 번역문 보기(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="99"/>
        <source>Next &amp;sentence</source>
        <translation>다음 문장(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="100"/>
        <source>Previous s&amp;entence</source>
        <translation>이전 문장(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="101"/>
        <source>Next &amp;clause</source>
        <translation>다음 조항(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="102"/>
        <source>Previous c&amp;lause</source>
        <translation>이전 조항(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="103"/>
        <source>Next &amp;part</source>
        <translation>다음 부분(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="104"/>
        <source>Previous p&amp;art</source>
        <translation>이전 부분(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="105"/>
        <source>Next c&amp;hange</source>
        <translation>다음 변경(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="106"/>
        <source>Previous chan&amp;ge</source>
        <translation>이전 변경(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="107"/>
        <source>&amp;Link selected sentences</source>
        <translation>선택한 문장 연결(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="108"/>
        <source>&amp;Unlink</source>
        <translation>연결 끊기(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="109"/>
        <source>&amp;Merge with next</source>
        <translation>다음과 합치기(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="110"/>
        <source>&amp;Confirm link</source>
        <translation>연결 확인(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="111"/>
        <source>&amp;Review mode</source>
        <translation>검토 모드(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="112"/>
        <source>&amp;Next to review</source>
        <translation>다음 검토 항목(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="113"/>
        <source>&amp;Previous to review</source>
        <translation>이전 검토 항목(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="115"/>
        <source>Review: confirm and go on</source>
        <translation>검토: 확인하고 다음으로</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="116"/>
        <source>Review: skip</source>
        <translation>검토: 건너뛰기</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="117"/>
        <source>Review: unlink</source>
        <translation>검토: 연결 끊기</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="118"/>
        <source>Review: merge with next</source>
        <translation>검토: 다음과 합치기</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="119"/>
        <source>&amp;About Duizhao</source>
        <translation>Duizhao 정보(&amp;A)</translation>
    </message>
</context>
<context>
    <name>AlignmentEditor</name>
    <message>
        <location filename="../../ui/controllers/alignment.py" line="25"/>
        <source>Chinese</source>
        <extracomment>How much of a sentence the status bar quotes after a link.</extracomment>
        <translation>중국어</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/alignment.py" line="26"/>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/alignment.py" line="97"/>
        <source>Select sentences in both panes to link them.</source>
        <extracomment>The link review mode is at: what unlink, merge and confirm act on.</extracomment>
        <translation>연결하려면 양쪽 창에서 문장을 선택하십시오.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/alignment.py" line="103"/>
        <source>Nothing linked: also select the {language} sentences to link (select text in that pane).</source>
        <translation>연결하지 않았습니다: 연결할 {language} 문장도 선택하십시오(그쪽 창에서 텍스트를 선택).</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/alignment.py" line="108"/>
        <source>Link</source>
        <translation>연결</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/alignment.py" line="110"/>
        <source>Linked “{left}” with “{right}”.</source>
        <translation>“{left}”와(과) “{right}”을(를) 연결했습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/alignment.py" line="122"/>
        <source>Unlink</source>
        <translation>연결 끊기</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/alignment.py" line="131"/>
        <source>Merge with next</source>
        <translation>다음과 합치기</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/alignment.py" line="140"/>
        <source>Confirm</source>
        <translation>확인</translation>
    </message>
</context>
<context>
    <name>AnnotationController</name>
    <message>
        <location filename="../../ui/controllers/annotations.py" line="133"/>
        <source>Select text or click a sentence to highlight it.</source>
        <translation>강조하려면 글을 선택하거나 문장을 누르십시오.</translation>
    </message>
</context>
<context>
    <name>AnnotationEdits</name>
    <message>
        <location filename="../../ui/controllers/annotations.py" line="70"/>
        <source>Highlight</source>
        <translation>강조</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/annotations.py" line="76"/>
        <source>Edit note</source>
        <translation>메모 편집</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/annotations.py" line="81"/>
        <source>Delete note</source>
        <translation>메모 삭제</translation>
    </message>
</context>
<context>
    <name>AnnotationListModel</name>
    <message>
        <location filename="../../ui/annotations_panel.py" line="262"/>
        <source>⚠ orphaned · </source>
        <translation>⚠ 위치 잃음 · </translation>
    </message>
</context>
<context>
    <name>AnnotationsPanel</name>
    <message>
        <location filename="../../ui/annotations_panel.py" line="75"/>
        <source>By position</source>
        <extracomment>Typing in the note is committed this long after the last key (and on leaving the field).</extracomment>
        <translation>위치순</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="76"/>
        <source>Newest first</source>
        <translation>최근 작성순</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="77"/>
        <source>Recently edited</source>
        <translation>최근 수정순</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="406"/>
        <source>Annotations</source>
        <translation>주석</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="407"/>
        <source>Filter by quote, note or tag</source>
        <translation>인용문, 메모, 태그로 거르기</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="408"/>
        <source>All colours</source>
        <translation>모든 색</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="413"/>
        <source>This document</source>
        <translation>이 문서</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="414"/>
        <source>All documents</source>
        <translation>모든 문서</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="417"/>
        <source>★ only</source>
        <translation>★만</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="418"/>
        <source>Orphaned only</source>
        <translation>위치 잃은 것만</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="419"/>
        <source>Notes whose text is gone from the new version of the document</source>
        <translation>새 판본에서 원문이 사라진 메모</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="420"/>
        <source>Preview</source>
        <translation>미리 보기</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="421"/>
        <source>Show the note rendered from Markdown</source>
        <translation>Markdown으로 렌더링한 메모 보기</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="422"/>
        <source>Note (Markdown)</source>
        <translation>메모 (Markdown)</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="423"/>
        <source>Tags, separated by commas</source>
        <translation>태그 (쉼표로 구분)</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="424"/>
        <source>Star</source>
        <translation>별표</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="425"/>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="426"/>
        <source>Colour of the highlight</source>
        <translation>형광펜 색</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="433"/>
        <location filename="../../ui/annotations_panel.py" line="507"/>
        <source>All tags</source>
        <translation>모든 태그</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="524"/>
        <source>%1 of %2</source>
        <translation>%2개 중 %1개</translation>
    </message>
</context>
<context>
    <name>ColorMeaningsEdits</name>
    <message>
        <location filename="../../ui/controllers/color_meanings.py" line="27"/>
        <source>Name the highlight colours</source>
        <translation>형광펜 색 이름 바꾸기</translation>
    </message>
</context>
<context>
    <name>Colors</name>
    <message>
        <location filename="../../ui/i18n.py" line="23"/>
        <source>yellow</source>
        <extracomment>The names of the highlight colours (keys of ``reader.annotations.COLORS``), as the UI shows them.</extracomment>
        <translation>노랑</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="24"/>
        <source>green</source>
        <translation>초록</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="25"/>
        <source>blue</source>
        <translation>파랑</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="26"/>
        <source>pink</source>
        <translation>분홍</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="27"/>
        <source>purple</source>
        <translation>보라</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="28"/>
        <source>orange</source>
        <translation>주황</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="29"/>
        <source>red</source>
        <translation>빨강</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="30"/>
        <source>gray</source>
        <translation>회색</translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message>
        <location filename="../../ui/compare_model.py" line="30"/>
        <source>continued</source>
        <extracomment>Each status&apos;s name in the reader (the table of the export has its own, in Chinese and Korean).</extracomment>
        <translation>유지</translation>
    </message>
    <message>
        <location filename="../../ui/compare_model.py" line="31"/>
        <source>reworded</source>
        <translation>수정</translation>
    </message>
    <message>
        <location filename="../../ui/compare_model.py" line="32"/>
        <source>moved</source>
        <translation>이동</translation>
    </message>
    <message>
        <location filename="../../ui/compare_model.py" line="33"/>
        <source>new</source>
        <translation>신설</translation>
    </message>
    <message>
        <location filename="../../ui/compare_model.py" line="34"/>
        <source>dropped</source>
        <translation>삭제</translation>
    </message>
    <message>
        <location filename="../../ui/compare_model.py" line="39"/>
        <source>the same provision (at most its numbering or punctuation changed)</source>
        <extracomment>What a status means, for the tooltip and the legend.</extracomment>
        <translation>같은 조항 (번호나 문장부호만 바뀜)</translation>
    </message>
    <message>
        <location filename="../../ui/compare_model.py" line="40"/>
        <source>the same provision in other words</source>
        <translation>같은 조항, 문구가 바뀜</translation>
    </message>
    <message>
        <location filename="../../ui/compare_model.py" line="41"/>
        <source>the same provision at another place</source>
        <translation>같은 조항, 위치가 바뀜</translation>
    </message>
    <message>
        <location filename="../../ui/compare_model.py" line="42"/>
        <source>only in the right-hand document</source>
        <translation>오른쪽 문서에만 있음</translation>
    </message>
    <message>
        <location filename="../../ui/compare_model.py" line="43"/>
        <source>only in the left-hand document</source>
        <translation>왼쪽 문서에만 있음</translation>
    </message>
</context>
<context>
    <name>CompareController</name>
    <message>
        <location filename="../../ui/controllers/compare.py" line="50"/>
        <source>Export comparison</source>
        <extracomment>Export formats of the comparison: suffix → format.</extracomment>
        <translation>대조표 내보내기</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/compare.py" line="52"/>
        <source>Word (*.docx);;Hangul (*.hwpx);;PDF (*.pdf);;Web page (*.html)</source>
        <translation>워드 (*.docx);;한글 (*.hwpx);;PDF (*.pdf);;웹 페이지 (*.html)</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/compare.py" line="120"/>
        <source>Comparing…</source>
        <extracomment>What the comparison being made is doing, with Cancel (the window puts it in its status bar).</extracomment>
        <translation>비교하는 중…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/compare.py" line="136"/>
        <source>Comparison cancelled</source>
        <translation>비교를 취소했습니다</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/compare.py" line="144"/>
        <source>Reading the meaning of the sentences: {done} done…</source>
        <translation>문장의 의미를 읽는 중: {done}개 완료…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/compare.py" line="146"/>
        <source>Matching the provisions…</source>
        <translation>조항을 대응시키는 중…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/compare.py" line="168"/>
        <source>Compared: {summary}</source>
        <translation>비교 결과: {summary}</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/compare.py" line="261"/>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/compare.py" line="261"/>
        <source>Chinese</source>
        <translation>중국어</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/compare.py" line="263"/>
        <source>No {language} translation of its own, shown as compared: {sides}</source>
        <translation>자체 {language} 번역이 없어 비교하는 언어로 표시: {sides}</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/compare.py" line="297"/>
        <source>Nothing changed between the two sides.</source>
        <translation>두 문서 사이에 바뀐 곳이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/compare.py" line="345"/>
        <source>Comparison written to {path}</source>
        <translation>대조표를 저장했습니다: {path}</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../../ui/compare_panel.py" line="36"/>
        <source>Compare documents</source>
        <translation>문서 비교</translation>
    </message>
    <message>
        <location filename="../../ui/compare_panel.py" line="51"/>
        <source>Chinese</source>
        <translation>중국어</translation>
    </message>
    <message>
        <location filename="../../ui/compare_panel.py" line="52"/>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <location filename="../../ui/compare_panel.py" line="54"/>
        <source>Left (old, A):</source>
        <translation>왼쪽 (구, A):</translation>
    </message>
    <message>
        <location filename="../../ui/compare_panel.py" line="55"/>
        <source>Right (new, B):</source>
        <translation>오른쪽 (신, B):</translation>
    </message>
    <message>
        <location filename="../../ui/compare_panel.py" line="56"/>
        <source>Compare the text in:</source>
        <translation>비교할 언어:</translation>
    </message>
</context>
<context>
    <name>CompareMode</name>
    <message>
        <location filename="../../ui/compare_window.py" line="60"/>
        <source>{title} — version {number}{label}</source>
        <translation>{title} — 제{number}판{label}</translation>
    </message>
</context>
<context>
    <name>ComparisonPanel</name>
    <message>
        <location filename="../../ui/compare_panel.py" line="123"/>
        <source>◀ Previous change</source>
        <translation>◀ 이전 변경</translation>
    </message>
    <message>
        <location filename="../../ui/compare_panel.py" line="124"/>
        <source>Next change ▶</source>
        <translation>다음 변경 ▶</translation>
    </message>
    <message>
        <location filename="../../ui/compare_panel.py" line="125"/>
        <source>Unchanged provisions as 同左 / 좌동</source>
        <translation>바뀌지 않은 조항은 同左 / 좌동으로</translation>
    </message>
    <message>
        <location filename="../../ui/compare_panel.py" line="126"/>
        <source>Export comparison…</source>
        <translation>대조표 내보내기…</translation>
    </message>
    <message>
        <location filename="../../ui/compare_panel.py" line="128"/>
        <source>Inserted words are underlined, deleted words struck through.</source>
        <translation>추가된 부분은 밑줄, 삭제된 부분은 취소선으로 표시합니다.</translation>
    </message>
    <message>
        <location filename="../../ui/compare_panel.py" line="133"/>
        <source>{left}  ↔  {right}</source>
        <translation>{left}  ↔  {right}</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../ui/messages.py" line="23"/>
        <source>{path}: no such file</source>
        <translation>{path}: 파일이 없습니다</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="24"/>
        <source>{path}: is a folder, not a file</source>
        <translation>{path}: 파일이 아니라 폴더입니다</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="25"/>
        <source>{path}: cannot be read ({reason})</source>
        <translation>{path}: 읽을 수 없습니다 ({reason})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="26"/>
        <source>{path}: empty file</source>
        <translation>{path}: 빈 파일입니다</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="27"/>
        <source>{path}: unsupported file type {suffix} (use .txt, .md, .docx, .pdf or .hwpx)</source>
        <translation>{path}: 지원하지 않는 파일 형식 {suffix} (.txt, .md, .docx, .pdf, .hwpx를 쓰십시오)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="28"/>
        <source>{path}: not a readable DOCX file ({reason})</source>
        <translation>{path}: 읽을 수 있는 DOCX 파일이 아닙니다 ({reason})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="29"/>
        <source>{path}: not a readable PDF file ({reason})</source>
        <translation>{path}: 읽을 수 있는 PDF 파일이 아닙니다 ({reason})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="30"/>
        <source>{path}: PDF has no text layer (a scanned image?); run OCR first</source>
        <translation>{path}: PDF에 텍스트 층이 없습니다(스캔한 이미지입니까?). 먼저 OCR을 실행하십시오</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="31"/>
        <source>{path}: not a readable HWPX file (not a zip package)</source>
        <translation>{path}: 읽을 수 있는 HWPX 파일이 아닙니다(zip 패키지가 아님)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="32"/>
        <source>{path}: not a readable HWPX file ({reason})</source>
        <translation>{path}: 읽을 수 있는 HWPX 파일이 아닙니다 ({reason})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="33"/>
        <source>{path}: no Chinese or Korean text found</source>
        <translation>{path}: 중국어나 한국어 텍스트가 없습니다</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="34"/>
        <source>{path}: both files contain Chinese text; give one file per language</source>
        <translation>{path}: 두 파일 모두 중국어입니다. 언어마다 파일 하나씩 주십시오</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="35"/>
        <source>{path}: both files contain Korean text; give one file per language</source>
        <translation>{path}: 두 파일 모두 한국어입니다. 언어마다 파일 하나씩 주십시오</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="36"/>
        <source>{path}: document {doc} already has both languages</source>
        <translation>{path}: 문서 {doc}에는 이미 두 언어가 다 있습니다</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="37"/>
        <source>{path}: has no Chinese text to add to document {doc}</source>
        <translation>{path}: 문서 {doc}에 더할 중국어 텍스트가 없습니다</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="38"/>
        <source>{path}: has no Korean text to add to document {doc}</source>
        <translation>{path}: 문서 {doc}에 더할 한국어 텍스트가 없습니다</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="39"/>
        <source>{path}: unknown encoding {encoding}</source>
        <translation>{path}: 알 수 없는 인코딩 {encoding}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="40"/>
        <source>{path}: not valid {encoding} text (byte {offset}: {bytes})</source>
        <translation>{path}: 올바른 {encoding} 텍스트가 아닙니다 (바이트 {offset}: {bytes})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="41"/>
        <source>{path}: starts with a {name} byte-order mark but is not {name2}</source>
        <translation>{path}: {name} 바이트 순서 표시로 시작하지만 {name2}가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="42"/>
        <source>{path}: binary file, not text</source>
        <translation>{path}: 텍스트가 아닌 바이너리 파일입니다</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="43"/>
        <source>{path}: cannot tell the encoding (tried UTF-8, UTF-16, GB18030, CP949, Big5); use --encoding</source>
        <translation>{path}: 인코딩을 알아낼 수 없습니다(UTF-8, UTF-16, GB18030, CP949, Big5 시도). --encoding을 쓰십시오</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="46"/>
        <source>no document matches {ref} (see `python -m reader list`)</source>
        <translation>{ref}에 맞는 문서가 없습니다(`python -m reader list` 참조)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="48"/>
        <source>missing closing quote {quote} in: {query}</source>
        <translation>닫는 따옴표 {quote}가 없습니다: {query}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="49"/>
        <source>empty query: type the words to look for</source>
        <translation>검색어가 비었습니다: 찾을 낱말을 입력하십시오</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="50"/>
        <source>unexpected ) in: {query}</source>
        <translation>예상하지 못한 ): {query}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="51"/>
        <source>OR needs a word on both sides</source>
        <translation>OR 앞뒤에 낱말이 있어야 합니다</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="52"/>
        <source>{operator} needs a word after it</source>
        <translation>{operator} 뒤에 낱말이 있어야 합니다</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="53"/>
        <source>empty parentheses ()</source>
        <translation>빈 괄호 ()</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="54"/>
        <source>missing ) in: {query}</source>
        <translation>)가 없습니다: {query}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="55"/>
        <source>empty phrase &quot;&quot;</source>
        <translation>빈 구절 &quot;&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="56"/>
        <source>{name}: needs a value, e.g. {example}</source>
        <translation>{name}: 값이 필요합니다. 예: {example}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="57"/>
        <source>lang: takes zh or ko, not {value}</source>
        <translation>lang: 에는 zh나 ko를 씁니다({value}가 아님)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="58"/>
        <source>is: takes &apos;annotated&apos;, not {value}</source>
        <translation>is: 에는 &apos;annotated&apos;를 씁니다({value}가 아님)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="59"/>
        <source>only a trailing * is supported (prefix*), not {value}</source>
        <translation>* 는 끝에만 쓸 수 있습니다(접두어*). {value}는 안 됩니다</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="60"/>
        <source>* must follow at least one character, e.g. 产业* or 산업*</source>
        <translation>* 앞에 글자가 하나 이상 있어야 합니다. 예: 产业*, 산업*</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="61"/>
        <source>nothing to search for: add a word (NOT alone excludes, it does not find)</source>
        <translation>찾을 것이 없습니다: 낱말을 더하십시오(NOT만으로는 제외할 뿐 찾지 않습니다)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="62"/>
        <source>language must be zh or ko, not {value}</source>
        <translation>언어는 zh나 ko여야 합니다({value}가 아님)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="63"/>
        <source>the search index was closed</source>
        <translation>검색 색인이 닫혔습니다</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="64"/>
        <source>the search index is closed</source>
        <translation>검색 색인이 닫혀 있습니다</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="65"/>
        <source>the search index is being built ({done}/{total} sentences)</source>
        <translation>검색 색인을 만드는 중입니다({done}/{total}문장)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="66"/>
        <source>the search index cannot be used ({reason}): run `python -m reader reindex`</source>
        <translation>검색 색인을 쓸 수 없습니다({reason}): `python -m reader reindex`를 실행하십시오</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="67"/>
        <source>the number of hits must be at least 1</source>
        <translation>검색 결과 수는 1 이상이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="68"/>
        <source>the search index is damaged and is being rebuilt; try again in a moment</source>
        <translation>검색 색인이 손상되어 다시 만드는 중입니다. 잠시 뒤에 다시 해 보십시오</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="70"/>
        <source>{path}: is a folder, give a file name</source>
        <translation>{path}: 폴더입니다. 파일 이름을 주십시오</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="71"/>
        <source>{path}: the folder {folder} does not exist</source>
        <translation>{path}: 폴더 {folder}가 없습니다</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="72"/>
        <source>{path}: already exists (use --force to overwrite it)</source>
        <translation>{path}: 이미 있습니다(덮어쓰려면 --force)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="73"/>
        <source>{path}: cannot write in {folder} ({reason})</source>
        <translation>{path}: {folder}에 쓸 수 없습니다 ({reason})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="74"/>
        <source>{path}: could not be written ({reason})</source>
        <translation>{path}: 쓰지 못했습니다 ({reason})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="75"/>
        <source>{path}: cannot be written as PDF</source>
        <translation>{path}: PDF로 쓸 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="76"/>
        <source>{path}: not written: no Chinese or Korean font is installed, so the PDF&apos;s text would be blank; install Noto CJK ({package} on Debian and Ubuntu) and export again</source>
        <translation>{path}: 저장하지 않았습니다: 중국어·한국어 글꼴이 설치되어 있지 않아 PDF의 글자가 비어 보입니다. Noto CJK 글꼴(Debian·Ubuntu에서는 {package} 패키지)을 설치한 뒤 다시 내보내십시오</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="81"/>
        <source>no annotations to export ({selection}): nothing was written</source>
        <translation>내보낼 주석이 없습니다({selection}). 아무것도 쓰지 않았습니다</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="83"/>
        <source>The database {path} is damaged ({problem}). It will be kept aside, not overwritten. The latest backup is from {stamp}: restore it?</source>
        <translation>데이터베이스 {path} 파일이 손상되었습니다({problem}). 덮어쓰지 않고 따로 보관합니다. 최신 백업은 {stamp}의 것입니다. 복원할까요?</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="88"/>
        <source>The database {path} is damaged ({problem}). It will be kept aside, not overwritten. There is no backup: an empty database will be started.</source>
        <translation>데이터베이스 {path} 파일이 손상되었습니다({problem}). 덮어쓰지 않고 따로 보관합니다. 백업이 없으므로 빈 데이터베이스로 시작합니다.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="94"/>
        <source>{path}: not a readable web archive (no HTML page inside)</source>
        <translation>{path}: 읽을 수 있는 웹 보관 파일이 아닙니다 (HTML 페이지가 없음)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="95"/>
        <source>{path}: web page has no main text that could be found</source>
        <translation>{path}: 웹 페이지에서 본문을 찾지 못했습니다</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="96"/>
        <source>{path}: not a readable web page ({reason})</source>
        <translation>{path}: 읽을 수 있는 웹 페이지가 아닙니다 ({reason})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="97"/>
        <source>{path}: not a readable HWP file (not an HWP 5.0 compound file; HWP 3 files are not read)</source>
        <translation>{path}: 읽을 수 있는 HWP 파일이 아닙니다 (HWP 5.0 복합 파일이 아님, HWP 3 파일은 읽지 않습니다)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="100"/>
        <source>{path}: not a readable HWP file (no FileHeader)</source>
        <translation>{path}: 읽을 수 있는 HWP 파일이 아닙니다 (FileHeader 없음)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="101"/>
        <source>{path}: not a readable HWP file (bad FileHeader signature)</source>
        <translation>{path}: 읽을 수 있는 HWP 파일이 아닙니다 (FileHeader 서명이 잘못됨)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="102"/>
        <source>{path}: HWP version {version} is not read (only HWP 5.x)</source>
        <translation>{path}: HWP 버전 {version}은(는) 읽지 않습니다 (HWP 5.x만 읽음)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="103"/>
        <source>{path}: not a readable HWP file ({reason})</source>
        <translation>{path}: 읽을 수 있는 HWP 파일이 아닙니다 ({reason})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="104"/>
        <source>{path}: HWP file is password-protected or DRM-secured; open it in Hangul and save it without protection</source>
        <translation>{path}: 암호 또는 DRM으로 보호된 HWP 파일입니다. 한글에서 열어 보호 없이 저장하십시오</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="108"/>
        <source>{path}: HWP file is a distribution document (배포용 문서) whose text is encrypted; ask for the original HWP or HWPX</source>
        <translation>{path}: 본문이 암호화된 배포용 문서입니다. 원본 HWP 또는 HWPX 파일을 요청하십시오</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="112"/>
        <source>{path}: not a readable HWP file (no BodyText sections)</source>
        <translation>{path}: 읽을 수 있는 HWP 파일이 아닙니다 (BodyText 구역 없음)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="113"/>
        <source>{path}: not a readable HWP file ({part} is damaged)</source>
        <translation>{path}: 읽을 수 있는 HWP 파일이 아닙니다 ({part} 손상)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="114"/>
        <source>{path}: needs OCR, but Tesseract is not installed (package tesseract-ocr; {reason})</source>
        <translation>{path}: OCR이 필요하지만 Tesseract가 설치되어 있지 않습니다 (패키지 tesseract-ocr, {reason})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="115"/>
        <source>{path}: needs OCR, but Tesseract lacks the language data: install {package} ({reason})</source>
        <translation>{path}: OCR이 필요하지만 Tesseract 언어 데이터가 없습니다. {package}을(를) 설치하십시오 ({reason})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="118"/>
        <source>{path}: no text was recognised in the image</source>
        <translation>{path}: 이미지에서 글자를 인식하지 못했습니다</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="119"/>
        <source>{path}: needs OCR, but Tesseract does not run ({reason}; {detail})</source>
        <translation>{path}: OCR이 필요하지만 Tesseract가 실행되지 않습니다 ({reason}, {detail})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="120"/>
        <source>{path}: cannot be recognised ({reason})</source>
        <translation>{path}: 인식할 수 없습니다 ({reason})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="121"/>
        <source>{path}: OCR of a page took more than {seconds} s; stopped</source>
        <translation>{path}: 한 쪽의 OCR이 {seconds}초를 넘어 중단했습니다</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="122"/>
        <source>{path}: unsupported file type {suffix} (use .txt, .md, .docx, .pdf, .hwpx, .hwp, .html, .mhtml or an image)</source>
        <translation>{path}: 지원하지 않는 파일 형식 {suffix}입니다 (.txt, .md, .docx, .pdf, .hwpx, .hwp, .html, .mhtml 또는 이미지를 사용하십시오)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="126"/>
        <source>{path}: is an image; its text can only be recognised by OCR (import without --ocr never)</source>
        <translation>{path}: 이미지입니다. 글자는 OCR로만 인식할 수 있습니다 (--ocr never 없이 가져오십시오)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="129"/>
        <source>{path}: PDF has no text layer (a scanned image?); import it with --ocr auto</source>
        <translation>{path}: PDF에 텍스트 층이 없습니다 (스캔 이미지?). --ocr auto로 가져오십시오</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="130"/>
        <source>{path}: no text was recognised on the scanned pages</source>
        <translation>{path}: 스캔한 쪽에서 글자를 인식하지 못했습니다</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="132"/>
        <source>{path}: not a readable {kind} file (damaged or incomplete zip package: {reason})</source>
        <translation>{path}: 읽을 수 있는 {kind} 파일이 아닙니다 (손상되었거나 덜 받은 zip 패키지: {reason})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="133"/>
        <source>{path}: not a readable {kind} file (damaged zip package: {reason})</source>
        <translation>{path}: 읽을 수 있는 {kind} 파일이 아닙니다 (손상된 zip 패키지: {reason})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="134"/>
        <source>{path}: {kind} package has {count} parts (at most {limit} are read)</source>
        <translation>{path}: {kind} 패키지의 부분이 {count}개입니다 (최대 {limit}개까지 읽습니다)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="135"/>
        <source>{path}: {kind} package&apos;s XML would inflate to {size} (at most {limit})</source>
        <translation>{path}: {kind} 패키지의 XML을 풀면 {size}가 됩니다 (최대 {limit})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="136"/>
        <source>{path}: {kind} package would inflate to {size} (at most {limit})</source>
        <translation>{path}: {kind} 패키지를 풀면 {size}가 됩니다 (최대 {limit})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="137"/>
        <source>{path}: {kind} part {part} would inflate to {size} (more than {limit}: a zip bomb or not a document)</source>
        <translation>{path}: {kind}의 부분 {part}을(를) 풀면 {size}가 됩니다 ({limit} 초과: zip 폭탄이거나 문서가 아닙니다)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="140"/>
        <source>{path}: {kind} part {part} inflates {ratio} times (more than {limit}: a zip bomb)</source>
        <translation>{path}: {kind}의 부분 {part}은(는) {ratio}배로 풀립니다 ({limit}배 초과: zip 폭탄)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="141"/>
        <source>{path}: {kind} part {part} uses an unsupported compression</source>
        <translation>{path}: {kind}의 부분 {part}은(는) 지원하지 않는 압축 방식을 씁니다</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="142"/>
        <source>{path}: {kind} part {part} holds more than the {size} it claims (a zip bomb)</source>
        <translation>{path}: {kind}의 부분 {part}에 밝힌 크기 {size}보다 많은 데이터가 들어 있습니다 (zip 폭탄)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="143"/>
        <source>{path}: DOCX file is too large to read</source>
        <translation>{path}: DOCX 파일이 너무 커서 읽을 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="144"/>
        <source>{path}: HWPX file is too large to read</source>
        <translation>{path}: HWPX 파일이 너무 커서 읽을 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="145"/>
        <source>{path}: PDF file is too large to read</source>
        <translation>{path}: PDF 파일이 너무 커서 읽을 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="146"/>
        <source>{path}: PDF is protected by a password; open it in a PDF reader and save a copy without one</source>
        <translation>{path}: 암호로 보호된 PDF입니다. PDF 뷰어에서 열어 암호 없는 사본으로 저장하십시오</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="149"/>
        <source>{path}: PDF uses an encryption this installation cannot read ({reason})</source>
        <translation>{path}: 이 설치본이 읽을 수 없는 방식으로 암호화된 PDF입니다 ({reason})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="151"/>
        <source>{path}: the text looks Japanese ({share}% kana): Duizhao reads Chinese and Korean, so it was imported as Chinese and its alignment and search may be poor</source>
        <translation>{path}: 일본어 텍스트로 보입니다(가나 {share}%). Duizhao는 중국어와 한국어를 읽으므로 중국어로 가져왔으며, 정렬과 검색이 부정확할 수 있습니다</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="157"/>
        <source>{path}: too many pasted files named pasted-{stamp}</source>
        <translation>{path}: pasted-{stamp}라는 이름의 붙여넣은 파일이 너무 많습니다</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="159"/>
        <source>{ref} is an earlier version: it can be read and compared, not changed</source>
        <translation>{ref}은(는) 이전 버전입니다. 읽고 비교할 수는 있지만 바꿀 수는 없습니다</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="160"/>
        <source>{doc} has no version {number} (see `python -m reader versions {again}`)</source>
        <translation>{doc}에는 버전 {number}이(가) 없습니다 (`python -m reader versions {again}` 참조)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="161"/>
        <source>{ref} is the only version of {doc}: delete the document instead</source>
        <translation>{ref}은(는) {doc}의 유일한 버전입니다. 대신 문서를 삭제하십시오</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="162"/>
        <source>{doc} has no Chinese text to compare</source>
        <translation>{doc}에는 비교할 중국어 텍스트가 없습니다</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="163"/>
        <source>{doc} has no Korean text to compare</source>
        <translation>{doc}에는 비교할 한국어 텍스트가 없습니다</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="165"/>
        <source>{where}: the Markdown template has a mistake: {reason}</source>
        <translation>{where}: 마크다운 서식 파일에 오류가 있습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="166"/>
        <source>{where}: the Markdown template failed while writing: {reason}</source>
        <translation>{where}: 마크다운 서식 파일로 쓰는 중 오류가 났습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="167"/>
        <source>{path}: not a Markdown template (larger than {size} kB)</source>
        <translation>{path}: 마크다운 서식 파일이 아닙니다 ({size} kB보다 큼)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="168"/>
        <source>{path}: no such template</source>
        <translation>{path}: 서식 파일이 없습니다</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="169"/>
        <source>{path}: is a folder, not a template</source>
        <translation>{path}: 서식 파일이 아니라 폴더입니다</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="170"/>
        <source>{path}: the Markdown template is not UTF-8 text</source>
        <translation>{path}: 마크다운 서식 파일이 UTF-8 텍스트가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="171"/>
        <source>{path}: the Markdown template cannot be read ({reason})</source>
        <translation>{path}: 마크다운 서식 파일을 읽을 수 없습니다 ({reason})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="172"/>
        <source>{path}: already exists (add --force to replace it with the default)</source>
        <translation>{path}: 이미 있습니다 (기본 서식으로 바꾸려면 --force를 붙이십시오)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="173"/>
        <source>{path}: the template could not be written ({reason})</source>
        <translation>{path}: 서식 파일을 쓸 수 없습니다 ({reason})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="174"/>
        <source>--template is for the Markdown export, not {format}</source>
        <translation>--template은 마크다운 내보내기에만 쓰며 {format}에는 쓰지 않습니다</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="176"/>
        <source>{path}: is inside the data directory {data} (the library&apos;s own files); choose another folder</source>
        <translation>{path}: 데이터 폴더 {data} 안에 있습니다(서재 자체의 파일). 다른 폴더를 고르십시오</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="179"/>
        <source>{path}: is a file, not the search index folder; move it away and the index is rebuilt</source>
        <translation>{path}: 검색 색인 폴더가 아니라 파일입니다. 다른 곳으로 옮기면 색인을 다시 만듭니다</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="29"/>
        <source>The disk is full: free some space and try again.</source>
        <extracomment>What the user reads for a storage error, by ``StorageError.reason``.</extracomment>
        <translation>디스크가 가득 찼습니다: 공간을 확보한 뒤 다시 시도하십시오.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="30"/>
        <source>The library is read-only: nothing could be saved.</source>
        <translation>서재가 읽기 전용입니다: 아무것도 저장하지 못했습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="31"/>
        <source>The library file cannot be opened.</source>
        <translation>서재 파일을 열 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="32"/>
        <source>The disk could not be read or written.</source>
        <translation>디스크를 읽거나 쓸 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="33"/>
        <source>The library is in use by another program: try again.</source>
        <translation>다른 프로그램이 서재를 사용 중입니다: 다시 시도하십시오.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="34"/>
        <source>The library file is damaged: restart to restore a backup.</source>
        <translation>서재 파일이 손상되었습니다: 다시 시작하여 백업을 복원하십시오.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="36"/>
        <source>Something went wrong ({error}); the details are in the log.</source>
        <translation>문제가 발생했습니다({error}). 자세한 내용은 로그에 있습니다.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/export_dialog.py" line="61"/>
        <source>Markdown</source>
        <extracomment>Scopes of an export: the open document, the documents ticked in the list, or all. The export formats as the dialog names them (``reader.export.FORMATS`` descriptions, translated).</extracomment>
        <translation>Markdown</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="62"/>
        <source>Word (DOCX)</source>
        <translation>워드 (DOCX)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="63"/>
        <source>Hangul (HWPX)</source>
        <translation>한글 (HWPX)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="64"/>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="65"/>
        <source>Web page (HTML)</source>
        <translation>웹 페이지 (HTML)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="66"/>
        <source>CSV (Excel)</source>
        <translation>CSV (엑셀)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="67"/>
        <source>W3C Web Annotation (JSON)</source>
        <translation>W3C 웹 주석 (JSON)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="149"/>
        <location filename="../../ui/export_dialog.py" line="357"/>
        <source>Export notes</source>
        <extracomment>Emitted with the path of each file written.</extracomment>
        <translation>메모 내보내기</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="167"/>
        <source>Current document</source>
        <translation>현재 문서</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="168"/>
        <source>Chosen documents</source>
        <translation>선택한 문서</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="169"/>
        <source>Whole library</source>
        <translation>서재 전체</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="178"/>
        <source>Chinese and Korean</source>
        <translation>중국어와 한국어</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="179"/>
        <source>Chinese</source>
        <translation>중국어</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="180"/>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="185"/>
        <source>By part and clause</source>
        <translation>부분·조항별</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="186"/>
        <source>By tag</source>
        <translation>태그별</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="187"/>
        <source>By colour</source>
        <translation>색별</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="193"/>
        <source>Note list (메모형)</source>
        <translation>메모형 (메모 목록)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="194"/>
        <source>Report (보고서형): Word, Hangul, PDF</source>
        <translation>보고서형: 워드, 한글, PDF</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="195"/>
        <source>Starred only</source>
        <translation>별표만</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="219"/>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="225"/>
        <source>Documents</source>
        <translation>문서</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="227"/>
        <source>Text</source>
        <translation>본문</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="228"/>
        <source>Sections</source>
        <translation>구성</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="229"/>
        <source>Layout</source>
        <translation>구성</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="231"/>
        <source>Tags</source>
        <translation>태그</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="237"/>
        <source>Colours</source>
        <translation>색</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="238"/>
        <source>Format</source>
        <translation>형식</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="321"/>
        <source>Tick the documents to export.</source>
        <translation>내보낼 문서를 선택하십시오.</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="326"/>
        <source>No annotations match these options: there is nothing to export.</source>
        <translation>이 조건에 맞는 주석이 없어 내보낼 것이 없습니다.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/export_dialog.py" line="342"/>
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>주석 %n개</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="369"/>
        <source>Replace file?</source>
        <translation>파일을 바꿀까요?</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="370"/>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 파일이 이미 있습니다. 바꿀까요?</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="377"/>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="403"/>
        <source>Wrote %1</source>
        <translation>%1 파일을 썼습니다</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../ui/findings_model.py" line="27"/>
        <source>Near miss</source>
        <extracomment>The name of each kind of check.</extracomment>
        <translation>오기 의심</translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="28"/>
        <source>Chinese left in Korean</source>
        <translation>번역문에 남은 한자</translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="29"/>
        <source>Number differs</source>
        <translation>숫자 불일치</translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="30"/>
        <source>Inconsistent rendering</source>
        <translation>역어 불일치</translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="31"/>
        <source>Partial omission</source>
        <translation>부분 누락</translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="35"/>
        <source>{ko} is one syllable away from {expected} ({zh}): a slip?</source>
        <extracomment>What a finding of each kind says ({zh}, {ko}: the terms; {expected}: what was expected).</extracomment>
        <translation>{ko} — {zh}의 {expected}와(과) 한 음절 차이: 오기인가요?</translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="36"/>
        <source>Chinese {zh} is left in the Korean text: render it (e.g. {expected}) or gloss it</source>
        <translation>한국어 번역문에 한자 {zh}이(가) 남아 있습니다: 번역하거나(예: {expected}) 괄호 안에 병기하세요</translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="39"/>
        <source>{zh} ({expected}) is not in the Korean</source>
        <translation>{zh}({expected})이(가) 번역문에 없습니다</translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="40"/>
        <source>{zh} is rendered {ko} here but {expected} elsewhere</source>
        <translation>{zh}: 여기서는 {ko}, 다른 곳에서는 {expected}(으)로 옮겼습니다</translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="41"/>
        <source>{zh} (usually {expected}) has no rendering in the Korean</source>
        <translation>{zh}(보통 {expected})에 해당하는 번역이 없습니다</translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="44"/>
        <source>Open</source>
        <translation>미결</translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="45"/>
        <source>Confirmed</source>
        <translation>확인됨</translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="46"/>
        <source>Dismissed</source>
        <translation>무시됨</translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="49"/>
        <source>Check</source>
        <translation>점검</translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="50"/>
        <source>Chinese</source>
        <translation>중국어</translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="51"/>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="52"/>
        <source>Finding</source>
        <translation>내용</translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="53"/>
        <source>Verdict</source>
        <translation>판정</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <location filename="../../ui/findings_panel.py" line="177"/>
        <source>Translation checks</source>
        <translation>번역 점검</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="181"/>
        <source>Every check</source>
        <translation>모든 점검</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="186"/>
        <source>Decided too</source>
        <translation>판정한 항목도</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="187"/>
        <source>List the findings you confirmed or dismissed as well</source>
        <translation>확인하거나 무시한 항목도 목록에 표시합니다</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="188"/>
        <source>Confirm</source>
        <translation>확인</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="189"/>
        <source>A real slip: keep it on the list of confirmed findings (Y)</source>
        <translation>실제 오류: 확인된 항목으로 남깁니다 (Y)</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="190"/>
        <source>Dismiss</source>
        <translation>무시</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="191"/>
        <source>Not a slip: it is not shown again, even after re-alignment (N)</source>
        <translation>오류 아님: 다시 정렬해도 다시 표시하지 않습니다 (N)</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="192"/>
        <source>Reopen</source>
        <translation>판정 취소</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="193"/>
        <source>Take the verdict back</source>
        <translation>판정을 되돌립니다</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="270"/>
        <source>The translation checks could not be run.</source>
        <translation>번역 점검을 실행하지 못했습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="284"/>
        <source>Checking the translation…</source>
        <translation>번역을 점검하는 중…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/findings_panel.py" line="291"/>
        <source>%n finding(s) to review</source>
        <translation>
            <numerusform>검토할 항목 %n개</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="310"/>
        <source>Select a finding first.</source>
        <translation>먼저 항목을 선택하세요.</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="316"/>
        <source>Confirm finding %1</source>
        <translation>점검 항목 확인: %1</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="317"/>
        <source>Dismiss finding %1</source>
        <translation>점검 항목 무시: %1</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="318"/>
        <source>Reopen finding %1</source>
        <translation>점검 항목 판정 취소: %1</translation>
    </message>
</context>
<context>
    <name>GlossaryModel</name>
    <message>
        <location filename="../../ui/glossary_model.py" line="25"/>
        <source>Chinese</source>
        <extracomment>Column headers (translated in headerData; the strings are marked for lupdate here).</extracomment>
        <translation>중국어</translation>
    </message>
    <message>
        <location filename="../../ui/glossary_model.py" line="26"/>
        <source>Reading</source>
        <translation>독음</translation>
    </message>
    <message>
        <location filename="../../ui/glossary_model.py" line="27"/>
        <source>Korean renderings</source>
        <translation>한국어 번역어</translation>
    </message>
    <message>
        <location filename="../../ui/glossary_model.py" line="28"/>
        <source>Uses</source>
        <translation>사용 횟수</translation>
    </message>
    <message>
        <location filename="../../ui/glossary_model.py" line="29"/>
        <source>Documents</source>
        <translation>문서</translation>
    </message>
</context>
<context>
    <name>GlossaryPanel</name>
    <message>
        <location filename="../../ui/glossary_panel.py" line="80"/>
        <source>Glossary</source>
        <translation>용어집</translation>
    </message>
    <message>
        <location filename="../../ui/glossary_panel.py" line="98"/>
        <source>Find a term (Chinese, reading or Korean)</source>
        <translation>용어 찾기 (중국어, 독음 또는 한국어)</translation>
    </message>
    <message>
        <location filename="../../ui/glossary_panel.py" line="126"/>
        <source>Preferred</source>
        <translation>우선 번역어</translation>
    </message>
    <message>
        <location filename="../../ui/glossary_panel.py" line="127"/>
        <source>Mark the selected rendering as the preferred one</source>
        <translation>선택한 번역어를 우선 번역어로 지정</translation>
    </message>
    <message>
        <location filename="../../ui/glossary_panel.py" line="128"/>
        <source>Add…</source>
        <translation>추가…</translation>
    </message>
    <message>
        <location filename="../../ui/glossary_panel.py" line="129"/>
        <source>Edit…</source>
        <translation>편집…</translation>
    </message>
    <message>
        <location filename="../../ui/glossary_panel.py" line="130"/>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <location filename="../../ui/glossary_panel.py" line="131"/>
        <source>Import…</source>
        <translation>가져오기…</translation>
    </message>
    <message>
        <location filename="../../ui/glossary_panel.py" line="132"/>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <location filename="../../ui/glossary_panel.py" line="148"/>
        <source>Renderings</source>
        <translation>번역어</translation>
    </message>
    <message>
        <location filename="../../ui/glossary_panel.py" line="150"/>
        <source>Where it is used</source>
        <translation>사용된 곳</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/glossary_panel.py" line="171"/>
        <source>%n term(s)</source>
        <translation>
            <numerusform>용어 %n개</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/glossary_panel.py" line="183"/>
        <source>Updating the glossary…</source>
        <translation>용어집을 갱신하는 중…</translation>
    </message>
    <message>
        <location filename="../../ui/glossary_panel.py" line="191"/>
        <source>The glossary could not be updated.</source>
        <translation>용어집을 갱신할 수 없습니다.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/glossary_panel.py" line="244"/>
        <source>%1%2 — %n use(s)</source>
        <translation>
            <numerusform>%1%2 — %n회 사용</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/glossary_panel.py" line="285"/>
        <location filename="../../ui/glossary_panel.py" line="333"/>
        <source>Select a term and one of its renderings first.</source>
        <translation>먼저 용어와 그 번역어 하나를 선택하십시오.</translation>
    </message>
    <message>
        <location filename="../../ui/glossary_panel.py" line="289"/>
        <source>Prefer %1 for %2</source>
        <translation>%2에 %1 우선 사용</translation>
    </message>
    <message>
        <location filename="../../ui/glossary_panel.py" line="297"/>
        <source>Add %1 → %2</source>
        <translation>%1 → %2 추가</translation>
    </message>
    <message>
        <location filename="../../ui/glossary_panel.py" line="305"/>
        <source>Edit %1</source>
        <translation>%1 편집</translation>
    </message>
    <message>
        <location filename="../../ui/glossary_panel.py" line="311"/>
        <source>Only renderings you added or marked can be removed.</source>
        <translation>직접 추가하거나 지정한 번역어만 삭제할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/glossary_panel.py" line="314"/>
        <source>Remove %1 → %2</source>
        <translation>%1 → %2 삭제</translation>
    </message>
    <message>
        <location filename="../../ui/glossary_panel.py" line="321"/>
        <location filename="../../ui/glossary_panel.py" line="325"/>
        <source>Add a term</source>
        <translation>용어 추가</translation>
    </message>
    <message>
        <location filename="../../ui/glossary_panel.py" line="321"/>
        <source>Chinese term:</source>
        <translation>중국어 용어:</translation>
    </message>
    <message>
        <location filename="../../ui/glossary_panel.py" line="325"/>
        <source>Korean rendering of %1:</source>
        <translation>%1의 한국어 번역어:</translation>
    </message>
    <message>
        <location filename="../../ui/glossary_panel.py" line="335"/>
        <source>Edit the rendering</source>
        <translation>번역어 편집</translation>
    </message>
    <message>
        <location filename="../../ui/glossary_panel.py" line="341"/>
        <location filename="../../ui/glossary_panel.py" line="351"/>
        <source>Import terms</source>
        <translation>용어 가져오기</translation>
    </message>
    <message>
        <location filename="../../ui/glossary_panel.py" line="341"/>
        <source>Terms (*.csv *.tbx)</source>
        <translation>용어 (*.csv *.tbx)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/glossary_panel.py" line="355"/>
        <source>Import %n term(s)</source>
        <translation>
            <numerusform>용어 %n개 가져오기</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/glossary_panel.py" line="362"/>
        <source>Imported %n term(s).</source>
        <translation>
            <numerusform>용어 %n개를 가져왔습니다.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/glossary_panel.py" line="368"/>
        <location filename="../../ui/glossary_panel.py" line="385"/>
        <source>Export the glossary</source>
        <translation>용어집 내보내기</translation>
    </message>
    <message>
        <location filename="../../ui/glossary_panel.py" line="368"/>
        <source>CSV (*.csv);;TBX (*.tbx)</source>
        <translation>CSV (*.csv);;TBX (*.tbx)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/glossary_panel.py" line="387"/>
        <source>Exported %n term(s).</source>
        <translation>
            <numerusform>용어 %n개를 내보냈습니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <location filename="../../ui/controllers/imports.py" line="48"/>
        <source>Already in the library</source>
        <extracomment>How long an import runs before its progress dialog shows (ms).</extracomment>
        <translation>이미 서재에 있음</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="50"/>
        <source>The text of {name} is already in the library as “{title}”.</source>
        <translation>{name}의 본문은 이미 서재에 “{title}”(으)로 있습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="55"/>
        <source>Open it</source>
        <translation>그 문서 열기</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="58"/>
        <source>Replace it (new version)</source>
        <translation>바꾸기(새 버전)</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="61"/>
        <source>Keep both</source>
        <translation>둘 다 두기</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="99"/>
        <source>Import documents</source>
        <extracomment>Asked when an imported text is already in the library (tests answer it).</extracomment>
        <translation>문서 가져오기</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="101"/>
        <location filename="../../ui/controllers/imports.py" line="111"/>
        <source>Documents ({patterns})</source>
        <translation>문서 ({patterns})</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="109"/>
        <location filename="../../ui/controllers/imports.py" line="241"/>
        <source>Attach translation</source>
        <translation>번역문 붙이기</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="134"/>
        <source>The clipboard holds no text to import</source>
        <translation>클립보드에 가져올 텍스트가 없습니다</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="168"/>
        <source>An import is already running</source>
        <translation>이미 가져오는 중입니다</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="171"/>
        <source>Importing the sample documents…</source>
        <translation>예제 문서를 가져오는 중…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="171"/>
        <source>Importing…</source>
        <translation>가져오는 중…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="172"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="208"/>
        <source>Importing {name}…</source>
        <translation>{name} 가져오는 중…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="219"/>
        <source>Recognising the text of {name}: page {done} of {total}…</source>
        <translation>{name}의 글자를 인식하는 중: {total}쪽 중 {done}쪽…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="248"/>
        <source>Import failed</source>
        <translation>가져오기 실패</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="250"/>
        <source>Imported {count} document(s)</source>
        <translation>문서 {count}개를 가져왔습니다</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="252"/>
        <source>Check the language</source>
        <translation>언어 확인</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="254"/>
        <source>Aligned on length and cognates only: the sentence encoder could not be loaded</source>
        <translation>문장 인코더를 불러오지 못해 길이와 한자어 대응만으로 정렬했습니다</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <location filename="../../ui/models.py" line="35"/>
        <source>Title</source>
        <extracomment>The library panel&apos;s columns: (document field, header). The first shows the title with the number, languages and note count beneath; the rest sort and edit one field each.</extracomment>
        <translation>제목</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="36"/>
        <source>Korean title</source>
        <translation>한국어 제목</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="37"/>
        <source>Number</source>
        <translation>문서번호</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="38"/>
        <source>Issuer</source>
        <translation>발문기관</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="39"/>
        <source>Date written</source>
        <translation>성문일자</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="40"/>
        <source>Date published</source>
        <translation>발표일자</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="41"/>
        <source>Languages</source>
        <translation>언어</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="42"/>
        <source>Notes</source>
        <translation>메모</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <location filename="../../ui/panels.py" line="122"/>
        <source>Open</source>
        <extracomment>Columns shown beside the title until the user chooses others (header context menu): the title&apos;s cell already shows the number, languages and notes beneath it, and the docked panel is narrow.</extracomment>
        <translation>열기</translation>
    </message>
    <message>
        <location filename="../../ui/panels.py" line="123"/>
        <source>Compare with…</source>
        <translation>비교하기…</translation>
    </message>
    <message>
        <location filename="../../ui/panels.py" line="125"/>
        <source>Edit this field</source>
        <translation>이 항목 편집</translation>
    </message>
    <message>
        <location filename="../../ui/panels.py" line="126"/>
        <source>Remove…</source>
        <translation>삭제…</translation>
    </message>
</context>
<context>
    <name>LookupController</name>
    <message>
        <location filename="../../ui/lookup.py" line="166"/>
        <source>Look up %1</source>
        <translation>%1 찾아보기</translation>
    </message>
</context>
<context>
    <name>LookupPopup</name>
    <message>
        <location filename="../../ui/lookup.py" line="61"/>
        <source>Renderings</source>
        <extracomment>How long the mouse rests on a word before the popup shows (ms).</extracomment>
        <translation>번역어</translation>
    </message>
    <message>
        <location filename="../../ui/lookup.py" line="64"/>
        <source>No rendering in the library yet</source>
        <translation>아직 라이브러리에 번역어가 없습니다</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow.py" line="145"/>
        <source>Library</source>
        <translation>서재</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="146"/>
        <source>Outline</source>
        <translation>목차</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="151"/>
        <source>Toolbar</source>
        <translation>도구 모음</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="153"/>
        <source>No document is open: choose one in the Library or import one (Ctrl+O).</source>
        <translation>열린 문서가 없습니다: 서재에서 문서를 고르거나 가져오십시오(Ctrl+O).</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="156"/>
        <source>Not translated</source>
        <translation>번역 안 됨</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="157"/>
        <source>Added in translation</source>
        <translation>번역문에만 있음</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="173"/>
        <source>Chinese</source>
        <translation>중국어</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="173"/>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="175"/>
        <source>No installed font can show {languages}: text would appear as boxes. To fix: {fix}</source>
        <translation>{languages}를 표시할 글꼴이 설치되어 있지 않아 글자가 네모로 보입니다. 해결 방법: {fix}</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="176"/>
        <source> and </source>
        <translation>와 </translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="16"/>
        <source>Remove document</source>
        <translation>문서 삭제</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="17"/>
        <source>Remove “{title}” and its alignment and annotations from the library?</source>
        <translation>“{title}” 문서와 그 정렬, 주석을 서재에서 삭제할까요?</translation>
    </message>
    <message>
        <location filename="../../ui/hosting.py" line="28"/>
        <source>Search</source>
        <extracomment>Dock object name → its title.</extracomment>
        <translation>검색</translation>
    </message>
    <message>
        <location filename="../../ui/hosting.py" line="29"/>
        <source>Annotations</source>
        <translation>주석</translation>
    </message>
    <message>
        <location filename="../../ui/hosting.py" line="30"/>
        <source>Glossary</source>
        <translation>용어집</translation>
    </message>
    <message>
        <location filename="../../ui/hosting.py" line="31"/>
        <source>Translation checks</source>
        <translation>번역 점검</translation>
    </message>
    <message>
        <location filename="../../ui/hosting.py" line="32"/>
        <source>Comparison</source>
        <translation>비교</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="29"/>
        <source>About Duizhao</source>
        <translation>Duizhao 정보</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="30"/>
        <source>{app} {version}
Read Chinese policy documents side by side with their Korean translation.</source>
        <translation>{app} {version}
중국 정책 문서를 한국어 번역문과 나란히 읽는 도구입니다.</translation>
    </message>
</context>
<context>
    <name>MetadataEdits</name>
    <message>
        <location filename="../../ui/controllers/metadata.py" line="23"/>
        <source>Edit document details</source>
        <translation>문서 정보 편집</translation>
    </message>
</context>
<context>
    <name>PaneMenu</name>
    <message>
        <location filename="../../ui/pane_menu.py" line="113"/>
        <source>&amp;Highlight</source>
        <extracomment>Colours offered in the menu, in the order of the keys 1–6.</extracomment>
        <translation>형광펜(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/pane_menu.py" line="121"/>
        <source>Edit &amp;note…</source>
        <translation>메모 편집(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/pane_menu.py" line="121"/>
        <source>Add &amp;note…</source>
        <translation>메모 추가(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/pane_menu.py" line="127"/>
        <source>&amp;Copy</source>
        <translation>복사(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/pane_menu.py" line="127"/>
        <source>&amp;Copy sentence</source>
        <translation>문장 복사(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/pane_menu.py" line="131"/>
        <source>Copy sentence &amp;pair with citation</source>
        <translation>문장 쌍을 출처와 함께 복사(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/pane_menu.py" line="138"/>
        <source>&amp;Link selected sentences</source>
        <translation>선택한 문장 연결(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/pane_menu.py" line="142"/>
        <source>&amp;Unlink</source>
        <translation>연결 해제(&amp;U)</translation>
    </message>
</context>
<context>
    <name>ParallelTextExport</name>
    <message>
        <location filename="../../ui/controllers/parallel_text.py" line="19"/>
        <source>Export parallel text</source>
        <translation>원문 대조표 내보내기</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/parallel_text.py" line="30"/>
        <source>A parallel text needs both languages: attach the translation first.</source>
        <translation>대조표에는 두 언어가 모두 필요합니다. 먼저 번역을 붙이십시오.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/parallel_text.py" line="53"/>
        <source>Parallel text written to {path} ({rows} rows)</source>
        <translation>대조표를 {path}에 저장했습니다({rows}행)</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <location filename="../../ui/recovery.py" line="38"/>
        <source>The library {path} cannot be opened because the disk is full. Nothing was moved or changed. Free some space on the disk, then choose Try again.</source>
        <extracomment>How often the running program looks whether the daily backup is due.</extracomment>
        <translation>디스크가 가득 차서 서재 {path}을(를) 열 수 없습니다. 아무것도 옮기거나 바꾸지 않았습니다. 디스크 공간을 확보한 뒤 다시 시도를 누르십시오.</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="44"/>
        <source>The library {path} is on a read-only disk. Nothing was moved or changed. Mount the disk writable (or set DUIZHAO_DATA_DIR to a writable folder), then choose Try again.</source>
        <translation>서재 {path}이(가) 읽기 전용 디스크에 있습니다. 아무것도 옮기거나 바꾸지 않았습니다. 디스크를 쓰기 가능하게 연결하거나(또는 DUIZHAO_DATA_DIR을 쓸 수 있는 폴더로 지정하고) 다시 시도를 누르십시오.</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="50"/>
        <source>You may not read or write the library {path}. Nothing was moved or changed. Fix the permissions of the file and its folder, then choose Try again.</source>
        <translation>서재 {path}을(를) 읽거나 쓸 권한이 없습니다. 아무것도 옮기거나 바꾸지 않았습니다. 파일과 폴더의 권한을 고친 뒤 다시 시도를 누르십시오.</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="56"/>
        <source>The library {path} is in use by another program. Close the other Duizhao window, then choose Try again.</source>
        <translation>서재 {path}을(를) 다른 프로그램이 사용하고 있습니다. 다른 Duizhao 창을 닫은 뒤 다시 시도를 누르십시오.</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="61"/>
        <source>The library {path} cannot be read: the disk reported an error. Nothing was moved or changed. Check the disk, then choose Try again.</source>
        <translation>서재 {path}을(를) 읽을 수 없습니다: 디스크가 오류를 알렸습니다. 아무것도 옮기거나 바꾸지 않았습니다. 디스크를 점검한 뒤 다시 시도를 누르십시오.</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="72"/>
        <source>The database {path} is damaged: SQLite cannot read all of it. It will be kept aside, not overwritten.</source>
        <translation>데이터베이스 {path} 파일이 손상되었습니다: SQLite가 전부 읽지 못합니다. 덮어쓰지 않고 따로 보관합니다.</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="79"/>
        <source>There is no backup: an empty library will be started.</source>
        <translation>백업이 없으므로 빈 서재로 시작합니다.</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="86"/>
        <source>The latest backup is from {stamp}: restore it?</source>
        <translation>가장 최근 백업은 {stamp}의 것입니다. 복원할까요?</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="100"/>
        <source>Library unavailable</source>
        <translation>서재를 열 수 없음</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="102"/>
        <source>Try again</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="103"/>
        <location filename="../../ui/recovery.py" line="117"/>
        <source>Quit</source>
        <translation>끝내기</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="108"/>
        <location filename="../../ui/recovery.py" line="130"/>
        <source>Damaged database</source>
        <translation>손상된 데이터베이스</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="111"/>
        <source>Restore the backup</source>
        <translation>백업 복원</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="115"/>
        <source>Start with an empty library</source>
        <translation>빈 서재로 시작</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <location filename="../../ui/controllers/review.py" line="57"/>
        <source>Nothing left to review.</source>
        <translation>검토할 항목이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/review.py" line="74"/>
        <source>not translated</source>
        <translation>번역 안 됨</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/review.py" line="75"/>
        <source>added in translation</source>
        <translation>번역문에만 있음</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/review.py" line="76"/>
        <source>low confidence ({score:.0%})</source>
        <translation>신뢰도 낮음 ({score:.0%})</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/review.py" line="79"/>
        <source>To review: {reason}</source>
        <translation>검토 대상: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/review.py" line="102"/>
        <source>{count} to review</source>
        <translation>검토 남음 {count}개</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../ui/search_panel.py" line="344"/>
        <source>Building the search index…</source>
        <extracomment>Colours of the place line and of the counterpart in pairs (set from the palette).</extracomment>
        <translation>검색 색인을 만드는 중…</translation>
    </message>
    <message>
        <location filename="../../ui/search_panel.py" line="372"/>
        <source>Search</source>
        <translation>검색</translation>
    </message>
    <message>
        <location filename="../../ui/search_panel.py" line="373"/>
        <source>Search: words, OR, NOT, &quot;phrase&quot;, prefix*</source>
        <translation>검색: 낱말, OR, NOT, &quot;구절&quot;, 접두어*</translation>
    </message>
    <message>
        <location filename="../../ui/search_panel.py" line="374"/>
        <source>Both languages</source>
        <translation>두 언어</translation>
    </message>
    <message>
        <location filename="../../ui/search_panel.py" line="374"/>
        <source>Chinese</source>
        <translation>중국어</translation>
    </message>
    <message>
        <location filename="../../ui/search_panel.py" line="374"/>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <location filename="../../ui/search_panel.py" line="377"/>
        <source>Annotated</source>
        <translation>주석 있음</translation>
    </message>
    <message>
        <location filename="../../ui/search_panel.py" line="378"/>
        <source>Only sentences with a highlight or a note</source>
        <translation>형광펜이나 메모가 있는 문장만</translation>
    </message>
    <message>
        <location filename="../../ui/search_panel.py" line="379"/>
        <source>KWIC</source>
        <translation>KWIC</translation>
    </message>
    <message>
        <location filename="../../ui/search_panel.py" line="380"/>
        <source>One line per hit, the matched words in the middle</source>
        <translation>결과마다 한 줄, 찾은 낱말을 가운데에</translation>
    </message>
    <message>
        <location filename="../../ui/search_panel.py" line="381"/>
        <source>Pairs</source>
        <translation>대역</translation>
    </message>
    <message>
        <location filename="../../ui/search_panel.py" line="382"/>
        <source>Each hit with its aligned counterpart</source>
        <translation>결과마다 대응하는 번역과 함께</translation>
    </message>
    <message>
        <location filename="../../ui/search_panel.py" line="385"/>
        <location filename="../../ui/search_panel.py" line="456"/>
        <source>All documents</source>
        <translation>모든 문서</translation>
    </message>
    <message>
        <location filename="../../ui/search_panel.py" line="386"/>
        <location filename="../../ui/search_panel.py" line="459"/>
        <source>Any tag</source>
        <translation>모든 태그</translation>
    </message>
    <message>
        <location filename="../../ui/search_panel.py" line="387"/>
        <location filename="../../ui/search_panel.py" line="460"/>
        <source>Any colour</source>
        <translation>모든 색</translation>
    </message>
    <message>
        <location filename="../../ui/search_panel.py" line="510"/>
        <source>No hits</source>
        <translation>결과 없음</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/search_panel.py" line="512"/>
        <source>%n+ hits (scroll for more)</source>
        <translation>
            <numerusform>%n건 이상 (스크롤하면 더 보기)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/search_panel.py" line="514"/>
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n건</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/search_panel.py" line="536"/>
        <source>Building the search index… %1%</source>
        <translation>검색 색인을 만드는 중… %1%</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="32"/>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="35"/>
        <source>System language</source>
        <translation>시스템 언어</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="40"/>
        <source>Follow the system</source>
        <translation>시스템 설정 따르기</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="40"/>
        <source>Light</source>
        <translation>밝게</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="40"/>
        <source>Dark</source>
        <translation>어둡게</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="50"/>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="51"/>
        <source>Theme</source>
        <translation>테마</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="52"/>
        <source>Text size</source>
        <translation>글자 크기</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="53"/>
        <source>What the highlight colours mean</source>
        <translation>형광펜 색의 뜻</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="56"/>
        <source>Exports print these names in their legend and group by them.</source>
        <translation>내보낸 문서의 범례와 색상별 정리에 이 이름을 씁니다.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="75"/>
        <source>e.g. key point, new, open issue</source>
        <translation>예: 핵심, 신규, 쟁점</translation>
    </message>
</context>
<context>
    <name>TranslationBar</name>
    <message>
        <location filename="../../ui/parallel.py" line="62"/>
        <source>No translation yet: this document has only one language.</source>
        <extracomment>A place this close (px) to where it was is left alone when the panes settle.</extracomment>
        <translation>아직 번역문이 없습니다: 이 문서는 한 언어로만 되어 있습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/parallel.py" line="63"/>
        <source>Attach translation…</source>
        <translation>번역문 붙이기…</translation>
    </message>
</context>
<context>
    <name>WorkProgress</name>
    <message>
        <location filename="../../ui/work_progress.py" line="30"/>
        <location filename="../../ui/work_progress.py" line="61"/>
        <source>Cancel</source>
        <extracomment>How long work runs before it is shown (ms).</extracomment>
        <translation>취소</translation>
    </message>
</context>
</TS>
