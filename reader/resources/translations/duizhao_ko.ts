<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ko_KR">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../ui/actions.py" line="39" />
        <source>&amp;File</source>
        <extracomment>Menus in menu-bar order, with their titles.</extracomment>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="40" />
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="41" />
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="42" />
        <source>&amp;Go</source>
        <translation>이동(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="43" />
        <source>&amp;Alignment</source>
        <translation>정렬(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="44" />
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="49" />
        <source>Highlight in yellow</source>
        <extracomment>Keys 1–6 highlight the selection in these colours (names of reader.annotations COLORS).</extracomment>
        <translation>노랑으로 강조</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="50" />
        <source>Highlight in green</source>
        <translation>초록으로 강조</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="51" />
        <source>Highlight in blue</source>
        <translation>파랑으로 강조</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="52" />
        <source>Highlight in pink</source>
        <translation>분홍으로 강조</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="53" />
        <source>Highlight in purple</source>
        <translation>보라로 강조</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="54" />
        <source>Highlight in orange</source>
        <translation>주황으로 강조</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="67" />
        <source>&amp;Import…</source>
        <translation>가져오기(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="68" />
        <source>Attach &amp;translation…</source>
        <translation>번역문 붙이기(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="69" />
        <source>&amp;Remove document…</source>
        <translation>문서 삭제(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="70" />
        <source>&amp;Export notes…</source>
        <translation>메모 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="71" />
        <source>&amp;Settings…</source>
        <translation>설정(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="72" />
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="73" />
        <source>&amp;Undo</source>
        <translation>되돌리기(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="74" />
        <source>&amp;Redo</source>
        <translation>다시 하기(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="75" />
        <source>&amp;Find in document…</source>
        <translation>문서에서 찾기(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="76" />
        <source>Find in &amp;library…</source>
        <translation>서재 전체에서 찾기(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="81" />
        <source>Zoom &amp;in</source>
        <translation>확대(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="82" />
        <source>Zoom &amp;out</source>
        <translation>축소(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="83" />
        <source>&amp;Actual size</source>
        <translation>원래 크기(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="84" />
        <source>S&amp;wap panes</source>
        <translation>좌우 바꾸기(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="85" />
        <source>&amp;Synchronized scrolling</source>
        <translation>동기 스크롤(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="86" />
        <source>Next &amp;sentence</source>
        <translation>다음 문장(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="87" />
        <source>Previous s&amp;entence</source>
        <translation>이전 문장(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="88" />
        <source>Next &amp;clause</source>
        <translation>다음 조항(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="89" />
        <source>Previous c&amp;lause</source>
        <translation>이전 조항(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="90" />
        <source>Next &amp;part</source>
        <translation>다음 부분(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="91" />
        <source>Previous p&amp;art</source>
        <translation>이전 부분(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="92" />
        <source>&amp;Link selected sentences</source>
        <translation>선택한 문장 연결(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="93" />
        <source>&amp;Unlink</source>
        <translation>연결 끊기(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="94" />
        <source>&amp;Merge with next</source>
        <translation>다음과 합치기(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="95" />
        <source>&amp;Confirm link</source>
        <translation>연결 확인(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="96" />
        <source>&amp;Review mode</source>
        <translation>검토 모드(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="97" />
        <source>&amp;Next to review</source>
        <translation>다음 검토 항목(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="98" />
        <source>&amp;Previous to review</source>
        <translation>이전 검토 항목(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="100" />
        <source>Review: confirm and go on</source>
        <translation>검토: 확인하고 다음으로</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="101" />
        <source>Review: skip</source>
        <translation>검토: 건너뛰기</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="102" />
        <source>Review: unlink</source>
        <translation>검토: 연결 끊기</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="103" />
        <source>Review: merge with next</source>
        <translation>검토: 다음과 합치기</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="104" />
        <source>&amp;About Duizhao</source>
        <translation>Duizhao 정보(&amp;A)</translation>
    </message>
</context>
<context>
    <name>AlignmentEditor</name>
    <message>
        <location filename="../../ui/controllers/alignment.py" line="25" />
        <source>Chinese</source>
        <extracomment>How much of a sentence the status bar quotes after a link.</extracomment>
        <translation>중국어</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/alignment.py" line="26" />
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/alignment.py" line="97" />
        <source>Select sentences in both panes to link them.</source>
        <extracomment>The link review mode is at: what unlink, merge and confirm act on.</extracomment>
        <translation>연결하려면 양쪽 창에서 문장을 선택하십시오.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/alignment.py" line="103" />
        <source>Nothing linked: also select the {language} sentences to link (select text in that pane).</source>
        <translation>연결하지 않았습니다: 연결할 {language} 문장도 선택하십시오(그쪽 창에서 텍스트를 선택).</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/alignment.py" line="108" />
        <source>Link</source>
        <translation>연결</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/alignment.py" line="110" />
        <source>Linked “{left}” with “{right}”.</source>
        <translation>“{left}”와(과) “{right}”을(를) 연결했습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/alignment.py" line="122" />
        <source>Unlink</source>
        <translation>연결 끊기</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/alignment.py" line="131" />
        <source>Merge with next</source>
        <translation>다음과 합치기</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/alignment.py" line="140" />
        <source>Confirm</source>
        <translation>확인</translation>
    </message>
</context>
<context>
    <name>AnnotationController</name>
    <message>
        <location filename="../../ui/controllers/annotations.py" line="133" />
        <source>Select text or click a sentence to highlight it.</source>
        <translation>강조하려면 글을 선택하거나 문장을 누르십시오.</translation>
    </message>
</context>
<context>
    <name>AnnotationEdits</name>
    <message>
        <location filename="../../ui/controllers/annotations.py" line="70" />
        <source>Highlight</source>
        <translation>강조</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/annotations.py" line="76" />
        <source>Edit note</source>
        <translation>메모 편집</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/annotations.py" line="81" />
        <source>Delete note</source>
        <translation>메모 삭제</translation>
    </message>
</context>
<context>
    <name>AnnotationListModel</name>
    <message>
        <location filename="../../ui/annotations_panel.py" line="170" />
        <source>⚠ orphaned · </source>
        <extracomment>Typing in the note is committed this long after the last key (and on leaving the field).</extracomment>
        <translation>⚠ 위치 잃음 · </translation>
    </message>
</context>
<context>
    <name>AnnotationsPanel</name>
    <message>
        <location filename="../../ui/annotations_panel.py" line="240" />
        <source>Filter by quote, note or tag</source>
        <translation>인용문, 메모, 태그로 거르기</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="244" />
        <source>All colours</source>
        <translation>모든 색</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="254" />
        <source>This document</source>
        <translation>이 문서</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="255" />
        <source>All documents</source>
        <translation>모든 문서</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="261" />
        <source>★ only</source>
        <translation>★만</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="263" />
        <source>Orphaned only</source>
        <translation>위치 잃은 것만</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="274" />
        <source>Preview</source>
        <translation>미리 보기</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="276" />
        <source>Show the note rendered from Markdown</source>
        <translation>Markdown으로 렌더링한 메모 보기</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="278" />
        <source>Note (Markdown)</source>
        <translation>메모 (Markdown)</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="286" />
        <source>Tags, separated by commas</source>
        <translation>태그 (쉼표로 구분)</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="298" />
        <source>Star</source>
        <translation>별표</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="300" />
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="377" />
        <source>All tags</source>
        <translation>모든 태그</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="394" />
        <source>%1 of %2</source>
        <translation>%2개 중 %1개</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../ui/errors.py" line="29" />
        <source>The disk is full: free some space and try again.</source>
        <extracomment>What the user reads for a storage error, by ``StorageError.reason``.</extracomment>
        <translation>디스크가 가득 찼습니다: 공간을 확보한 뒤 다시 시도하십시오.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="30" />
        <source>The library is read-only: nothing could be saved.</source>
        <translation>서재가 읽기 전용입니다: 아무것도 저장하지 못했습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="31" />
        <source>The library file cannot be opened.</source>
        <translation>서재 파일을 열 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="32" />
        <source>The disk could not be read or written.</source>
        <translation>디스크를 읽거나 쓸 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="33" />
        <source>The library is in use by another program: try again.</source>
        <translation>다른 프로그램이 서재를 사용 중입니다: 다시 시도하십시오.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="34" />
        <source>The library file is damaged: restart to restore a backup.</source>
        <translation>서재 파일이 손상되었습니다: 다시 시작하여 백업을 복원하십시오.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="36" />
        <source>Something went wrong ({error}); the details are in the log.</source>
        <translation>문제가 발생했습니다({error}). 자세한 내용은 로그에 있습니다.</translation>
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
    <name>ImportController</name>
    <message>
        <location filename="../../ui/controllers/imports.py" line="45" />
        <source>Already in the library</source>
        <extracomment>How long an import runs before its progress dialog shows (ms).</extracomment>
        <translation>이미 서재에 있음</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="47" />
        <source>The text of {name} is already in the library as “{title}”.</source>
        <translation>{name}의 본문은 이미 서재에 “{title}”(으)로 있습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="52" />
        <source>Open it</source>
        <translation>그 문서 열기</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="55" />
        <source>Replace it (new version)</source>
        <translation>바꾸기(새 버전)</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="58" />
        <source>Keep both</source>
        <translation>둘 다 두기</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="96" />
        <source>Import documents</source>
        <extracomment>Asked when an imported text is already in the library (tests answer it).</extracomment>
        <translation>문서 가져오기</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="98" />
        <location filename="../../ui/controllers/imports.py" line="108" />
        <source>Documents ({patterns})</source>
        <translation>문서 ({patterns})</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="106" />
        <location filename="../../ui/controllers/imports.py" line="200" />
        <source>Attach translation</source>
        <translation>번역문 붙이기</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="142" />
        <source>An import is already running</source>
        <translation>이미 가져오는 중입니다</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="145" />
        <source>Importing the sample documents…</source>
        <translation>예제 문서를 가져오는 중…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="145" />
        <source>Importing…</source>
        <translation>가져오는 중…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="146" />
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="181" />
        <source>Importing {name}…</source>
        <translation>{name} 가져오는 중…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="207" />
        <source>Import failed</source>
        <translation>가져오기 실패</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="209" />
        <source>Imported {count} document(s)</source>
        <translation>문서 {count}개를 가져왔습니다</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/imports.py" line="211" />
        <source>Aligned on length and cognates only: the sentence encoder could not be loaded</source>
        <translation>문장 인코더를 불러오지 못해 길이와 한자어 대응만으로 정렬했습니다</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <location filename="../../ui/panels.py" line="74" />
        <source>Open</source>
        <translation>열기</translation>
    </message>
    <message>
        <location filename="../../ui/panels.py" line="75" />
        <source>Remove…</source>
        <translation>삭제…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow.py" line="148" />
        <source>Library</source>
        <translation>서재</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="149" />
        <source>Outline</source>
        <translation>목차</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="154" />
        <source>Toolbar</source>
        <translation>도구 모음</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="156" />
        <source>No document is open: choose one in the Library or import one (Ctrl+O).</source>
        <translation>열린 문서가 없습니다: 서재에서 문서를 고르거나 가져오십시오(Ctrl+O).</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="159" />
        <source>Not translated</source>
        <translation>번역 안 됨</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="160" />
        <source>Added in translation</source>
        <translation>번역문에만 있음</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="176" />
        <source>Chinese</source>
        <translation>중국어</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="176" />
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="178" />
        <source>No installed font can show {languages}: text would appear as boxes. To fix: {fix}</source>
        <translation>{languages}를 표시할 글꼴이 설치되어 있지 않아 글자가 네모로 보입니다. 해결 방법: {fix}</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="179" />
        <source> and </source>
        <translation>와 </translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="16" />
        <source>Remove document</source>
        <translation>문서 삭제</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="17" />
        <source>Remove “{title}” and its alignment and annotations from the library?</source>
        <translation>“{title}” 문서와 그 정렬, 주석을 서재에서 삭제할까요?</translation>
    </message>
    <message>
        <location filename="../../ui/hosting.py" line="26" />
        <source>Search</source>
        <extracomment>Dock object name → its title.</extracomment>
        <translation>검색</translation>
    </message>
    <message>
        <location filename="../../ui/hosting.py" line="27" />
        <source>Annotations</source>
        <translation>주석</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="29" />
        <source>About Duizhao</source>
        <translation>Duizhao 정보</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="30" />
        <source>{app} {version}
Read Chinese policy documents side by side with their Korean translation.</source>
        <translation>{app} {version}
중국 정책 문서를 한국어 번역문과 나란히 읽는 도구입니다.</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <location filename="../../ui/controllers/review.py" line="57" />
        <source>Nothing left to review.</source>
        <translation>검토할 항목이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/review.py" line="74" />
        <source>not translated</source>
        <translation>번역 안 됨</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/review.py" line="75" />
        <source>added in translation</source>
        <translation>번역문에만 있음</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/review.py" line="76" />
        <source>low confidence ({score:.0%})</source>
        <translation>신뢰도 낮음 ({score:.0%})</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/review.py" line="79" />
        <source>To review: {reason}</source>
        <translation>검토 대상: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/review.py" line="102" />
        <source>{count} to review</source>
        <translation>검토 남음 {count}개</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../ui/search_panel.py" line="260" />
        <source>Search</source>
        <translation>검색</translation>
    </message>
    <message>
        <location filename="../../ui/search_panel.py" line="396" />
        <source>All documents</source>
        <translation>모든 문서</translation>
    </message>
    </context>
<context>
    <name>Recovery</name>
    <message>
        <location filename="../../ui/recovery.py" line="44" />
        <source>The library {path} cannot be opened because the disk is full. Nothing was moved or changed. Free some space on the disk, then choose Try again.</source>
        <translation>디스크가 가득 차서 서재 {path}을(를) 열 수 없습니다. 아무것도 옮기거나 바꾸지 않았습니다. 디스크 공간을 확보한 뒤 '다시 시도'를 누르십시오.</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="50" />
        <source>The library {path} is on a read-only disk. Nothing was moved or changed. Mount the disk writable (or set DUIZHAO_DATA_DIR to a writable folder), then choose Try again.</source>
        <translation>서재 {path}이(가) 읽기 전용 디스크에 있습니다. 아무것도 옮기거나 바꾸지 않았습니다. 디스크를 쓰기 가능하게 마운트하거나 DUIZHAO_DATA_DIR을 쓰기 가능한 폴더로 지정한 뒤 '다시 시도'를 누르십시오.</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="56" />
        <source>You may not read or write the library {path}. Nothing was moved or changed. Fix the permissions of the file and its folder, then choose Try again.</source>
        <translation>서재 {path}을(를) 읽거나 쓸 권한이 없습니다. 아무것도 옮기거나 바꾸지 않았습니다. 파일과 폴더의 권한을 고친 뒤 '다시 시도'를 누르십시오.</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="62" />
        <source>The library {path} is in use by another program. Close the other Duizhao window, then choose Try again.</source>
        <translation>다른 프로그램이 서재 {path}을(를) 사용하고 있습니다. 다른 Duizhao 창을 닫은 뒤 '다시 시도'를 누르십시오.</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="67" />
        <source>The library {path} cannot be read: the disk reported an error. Nothing was moved or changed. Check the disk, then choose Try again.</source>
        <translation>디스크 오류로 서재 {path}을(를) 읽을 수 없습니다. 아무것도 옮기거나 바꾸지 않았습니다. 디스크를 점검한 뒤 '다시 시도'를 누르십시오.</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="78" />
        <source>The database {path} is damaged: SQLite cannot read all of it. It will be kept aside, not overwritten.</source>
        <translation>데이터베이스 {path}이(가) 손상되어 SQLite가 전부 읽을 수 없습니다. 이 파일은 덮어쓰지 않고 따로 보관됩니다.</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="90" />
        <source>The latest backup is from {stamp}: restore it?</source>
        <translation>최근 백업은 {stamp}의 것입니다. 복원할까요?</translation>
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
        <location filename="../../ui/parallel.py" line="62" />
        <source>No translation yet: this document has only one language.</source>
        <extracomment>A place this close (px) to where it was is left alone when the panes settle.</extracomment>
        <translation>아직 번역문이 없습니다: 이 문서는 한 언어로만 되어 있습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/parallel.py" line="63" />
        <source>Attach translation…</source>
        <translation>번역문 붙이기…</translation>
    </message>
</context>
</TS>