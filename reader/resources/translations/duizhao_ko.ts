<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ko_KR">
<context>
    <name>AnnotationListModel</name>
    <message>
        <location filename="../../ui/annotations_panel.py" line="165" />
        <source>⚠ orphaned · </source>
        <extracomment>Typing in the note is committed this long after the last key (and on leaving the field).</extracomment>
        <translation>⚠ 위치 잃음 · </translation>
    </message>
</context>
<context>
    <name>AnnotationsPanel</name>
    <message>
        <location filename="../../ui/annotations_panel.py" line="233" />
        <source>Filter by quote, note or tag</source>
        <translation>인용문, 메모, 태그로 거르기</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="237" />
        <source>All colours</source>
        <translation>모든 색</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="247" />
        <source>This document</source>
        <translation>이 문서</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="248" />
        <source>All documents</source>
        <translation>모든 문서</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="254" />
        <source>★ only</source>
        <translation>★만</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="256" />
        <source>Orphaned only</source>
        <translation>위치 잃은 것만</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="267" />
        <source>Preview</source>
        <translation>미리 보기</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="269" />
        <source>Show the note rendered from Markdown</source>
        <translation>Markdown으로 렌더링한 메모 보기</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="271" />
        <source>Note (Markdown)</source>
        <translation>메모 (Markdown)</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="279" />
        <source>Tags, separated by commas</source>
        <translation>태그 (쉼표로 구분)</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="291" />
        <source>Star</source>
        <translation>별표</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="293" />
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="296" />
        <source>Undo annotation change</source>
        <translation>주석 변경 되돌리기</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="299" />
        <source>Redo annotation change</source>
        <translation>주석 변경 다시 하기</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="380" />
        <source>All tags</source>
        <translation>모든 태그</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="397" />
        <source>%1 of %2</source>
        <translation>%2개 중 %1개</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/export_dialog.py" line="128" />
        <location filename="../../ui/export_dialog.py" line="308" />
        <source>Export notes</source>
        <extracomment>Scopes of an export: the open document, the documents ticked in the list, or all. Emitted with the path of each file written.</extracomment>
        <translation>메모 내보내기</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="146" />
        <source>Current document</source>
        <translation>현재 문서</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="147" />
        <source>Chosen documents</source>
        <translation>선택한 문서</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="148" />
        <source>Whole library</source>
        <translation>서재 전체</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="157" />
        <source>Chinese and Korean</source>
        <translation>중국어와 한국어</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="158" />
        <source>Chinese</source>
        <translation>중국어</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="159" />
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="164" />
        <source>By part and clause</source>
        <translation>부분·조항별</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="165" />
        <source>By tag</source>
        <translation>태그별</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="166" />
        <source>By colour</source>
        <translation>색별</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="170" />
        <source>Starred only</source>
        <translation>별표만</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="192" />
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="198" />
        <source>Documents</source>
        <translation>문서</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="200" />
        <source>Text</source>
        <translation>본문</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="201" />
        <source>Sections</source>
        <translation>구성</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="203" />
        <source>Tags</source>
        <translation>태그</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="209" />
        <source>Colours</source>
        <translation>색</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="210" />
        <source>Format</source>
        <translation>형식</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="277" />
        <source>Tick the documents to export.</source>
        <translation>내보낼 문서를 선택하십시오.</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="282" />
        <source>No annotations match these options: there is nothing to export.</source>
        <translation>이 조건에 맞는 주석이 없어 내보낼 것이 없습니다.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/export_dialog.py" line="293" />
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>주석 %n개</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="320" />
        <source>Replace file?</source>
        <translation>파일을 바꿀까요?</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="321" />
        <source>%1 already exists. Replace it?</source>
        <translation>%1 파일이 이미 있습니다. 바꿀까요?</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="328" />
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="354" />
        <source>Wrote %1</source>
        <translation>%1 파일을 썼습니다</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <location filename="../../ui/panels.py" line="58" />
        <source>Open</source>
        <translation>열기</translation>
    </message>
    <message>
        <location filename="../../ui/panels.py" line="59" />
        <source>Remove…</source>
        <translation>삭제…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow.py" line="257" />
        <source>&amp;Import…</source>
        <extracomment>Panels made by other parts of the app: (module, class, dock object name, what the constructor takes). Keys 1–6 highlight the selection in these colours (names of reader.annotations COLORS).</extracomment>
        <translation>가져오기(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="258" />
        <source>Attach &amp;translation…</source>
        <translation>번역문 붙이기(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="259" />
        <source>&amp;Remove document…</source>
        <translation>문서 삭제(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="260" />
        <source>&amp;Export notes…</source>
        <translation>메모 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="261" />
        <source>&amp;Settings…</source>
        <translation>설정(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="262" />
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="263" />
        <source>&amp;Undo</source>
        <translation>되돌리기(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="264" />
        <source>&amp;Redo</source>
        <translation>다시 하기(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="265" />
        <source>&amp;Find in document…</source>
        <translation>문서에서 찾기(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="266" />
        <source>Find in &amp;library…</source>
        <translation>서재 전체에서 찾기(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="267" />
        <source>Zoom &amp;in</source>
        <translation>확대(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="268" />
        <source>Zoom &amp;out</source>
        <translation>축소(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="269" />
        <source>&amp;Actual size</source>
        <translation>원래 크기(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="270" />
        <source>S&amp;wap panes</source>
        <translation>좌우 바꾸기(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="271" />
        <source>&amp;Synchronized scrolling</source>
        <translation>동기 스크롤(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="272" />
        <source>Next &amp;sentence</source>
        <translation>다음 문장(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="273" />
        <source>Previous s&amp;entence</source>
        <translation>이전 문장(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="274" />
        <source>Next &amp;clause</source>
        <translation>다음 조항(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="275" />
        <source>Previous c&amp;lause</source>
        <translation>이전 조항(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="276" />
        <source>Next &amp;part</source>
        <translation>다음 부분(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="277" />
        <source>Previous p&amp;art</source>
        <translation>이전 부분(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="278" />
        <source>&amp;Link selected sentences</source>
        <translation>선택한 문장 연결(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="279" />
        <source>&amp;Unlink</source>
        <translation>연결 끊기(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="280" />
        <source>&amp;Merge with next</source>
        <translation>다음과 합치기(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="281" />
        <source>&amp;Confirm link</source>
        <translation>연결 확인(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="282" />
        <source>&amp;Review mode</source>
        <translation>검토 모드(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="283" />
        <source>&amp;Next to review</source>
        <translation>다음 검토 항목(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="284" />
        <source>&amp;Previous to review</source>
        <translation>이전 검토 항목(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="285" />
        <source>Review: confirm and go on</source>
        <translation>검토: 확인하고 다음으로</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="286" />
        <source>Review: skip</source>
        <translation>검토: 건너뛰기</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="287" />
        <source>Review: unlink</source>
        <translation>검토: 연결 끊기</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="288" />
        <source>Review: merge with next</source>
        <translation>검토: 다음과 합치기</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="289" />
        <source>&amp;About Duizhao</source>
        <translation>Duizhao 정보(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="292" />
        <source>yellow</source>
        <translation>노랑</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="293" />
        <source>green</source>
        <translation>초록</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="294" />
        <source>blue</source>
        <translation>파랑</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="295" />
        <source>pink</source>
        <translation>분홍</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="296" />
        <source>purple</source>
        <translation>보라</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="297" />
        <source>orange</source>
        <translation>주황</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="300" />
        <source>Highlight in {colour}</source>
        <translation>{colour}으로 강조</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="307" />
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="308" />
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="309" />
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="310" />
        <source>&amp;Go</source>
        <translation>이동(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="311" />
        <source>&amp;Alignment</source>
        <translation>정렬(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="312" />
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="316" />
        <source>Library</source>
        <translation>서재</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="321" />
        <source>Outline</source>
        <translation>목차</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="322" />
        <source>Toolbar</source>
        <translation>도구 모음</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="326" />
        <source>Not translated</source>
        <translation>번역 안 됨</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="327" />
        <source>Added in translation</source>
        <translation>번역문에만 있음</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="392" />
        <source>Chinese</source>
        <translation>중국어</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="392" />
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="394" />
        <source>No installed font can show {languages}: text would appear as boxes. To fix: {fix}</source>
        <translation>{languages}를 표시할 글꼴이 설치되어 있지 않아 글자가 네모로 보입니다. 해결 방법: {fix}</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="395" />
        <source> and </source>
        <translation>와 </translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="493" />
        <source>Importing…</source>
        <translation>가져오는 중…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="549" />
        <source>An import is already running</source>
        <translation>이미 가져오는 중입니다</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="493" />
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="503" />
        <source>Importing {name}…</source>
        <translation>{name} 가져오는 중…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="517" />
        <source>Import failed</source>
        <translation>가져오기 실패</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="520" />
        <source>Imported {count} document(s)</source>
        <translation>문서 {count}개를 가져왔습니다</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="595" />
        <source>Aligned on length and cognates only: the sentence encoder could not be loaded</source>
        <translation>문장 인코더를 불러오지 못해 길이와 한자어 대응만으로 정렬했습니다</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="526" />
        <source>Import documents</source>
        <translation>문서 가져오기</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="526" />
        <location filename="../../ui/mainwindow.py" line="569" />
        <source>Documents ({patterns})</source>
        <translation>문서 ({patterns})</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="553" />
        <source>Remove document</source>
        <translation>문서 삭제</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="554" />
        <source>Remove “{title}” and its alignment and annotations from the library?</source>
        <translation>“{title}” 문서와 그 정렬, 주석을 서재에서 삭제할까요?</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="569" />
        <location filename="../../ui/mainwindow.py" line="579" />
        <source>Attach translation</source>
        <translation>번역문 붙이기</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="721" />
        <source>Select sentences in both panes to link them.</source>
        <translation>연결하려면 양쪽 창에서 문장을 선택하십시오.</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="723" />
        <source>Link</source>
        <translation>연결</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="731" />
        <source>Unlink</source>
        <translation>연결 끊기</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="739" />
        <source>Merge with next</source>
        <translation>다음과 합치기</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="747" />
        <source>Confirm</source>
        <translation>확인</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="804" />
        <source>Nothing left to review.</source>
        <translation>검토할 항목이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="823" />
        <source>not translated</source>
        <translation>번역 안 됨</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="824" />
        <source>added in translation</source>
        <translation>번역문에만 있음</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="825" />
        <source>low confidence ({score:.0%})</source>
        <translation>신뢰도 낮음 ({score:.0%})</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="828" />
        <source>To review: {reason}</source>
        <translation>검토 대상: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="845" />
        <source>{count} to review</source>
        <translation>검토 남음 {count}개</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="877" />
        <source>Select text or click a sentence to highlight it.</source>
        <translation>강조하려면 글을 선택하거나 문장을 누르십시오.</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="935" />
        <source>Search</source>
        <translation>검색</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="935" />
        <source>Annotations</source>
        <translation>주석</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="965" />
        <source>About Duizhao</source>
        <translation>Duizhao 정보</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="967" />
        <source>{app} {version}
Read Chinese policy documents side by side with their Korean translation.</source>
        <translation>{app} {version}
중국 정책 문서를 한국어 번역문과 나란히 읽는 도구입니다.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="16" />
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="19" />
        <source>System language</source>
        <translation>시스템 언어</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="24" />
        <source>Follow the system</source>
        <translation>시스템 설정 따르기</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="24" />
        <source>Light</source>
        <translation>밝게</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="24" />
        <source>Dark</source>
        <translation>어둡게</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="33" />
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="34" />
        <source>Theme</source>
        <translation>테마</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="35" />
        <source>Text size</source>
        <translation>글자 크기</translation>
    </message>
</context>
<context>
    <name>TranslationBar</name>
    <message>
        <location filename="../../ui/parallel.py" line="45" />
        <source>No translation yet: this document has only one language.</source>
        <translation>아직 번역문이 없습니다: 이 문서는 한 언어로만 되어 있습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/parallel.py" line="46" />
        <source>Attach translation…</source>
        <translation>번역문 붙이기…</translation>
    </message>
</context>
<context>
    <name>box</name>
    <message>
        <location filename="../../ui/recovery.py" line="35" />
        <source>Damaged database</source>
        <extracomment>How often the running program looks whether the daily backup is due.</extracomment>
        <translation>손상된 데이터베이스</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="37" />
        <source>Restore the backup</source>
        <translation>백업에서 복원</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="39" />
        <source>Start with an empty library</source>
        <translation>빈 서재로 시작</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="40" />
        <source>Quit</source>
        <translation>끝내기</translation>
    </message>
</context>
</TS>