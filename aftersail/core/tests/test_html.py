from aftersail.core.html import html_to_text, sanitize_html, text_to_html


def test_sanitize_keeps_structure_and_drops_active_content():
    dirty = (
        '<p onclick="steal()">Hello <b>there</b></p><script>alert(1)</script>'
        '<a href="javascript:alert(1)">x</a><a href="https://shop.example/t">track</a>'
        '<img src="cid:logo@mail" onerror="x()"><iframe src="https://evil.example"></iframe>'
        "<style>body{display:none}</style><form><input name=a></form>"
    )
    assert sanitize_html(dirty) == (
        '<p>Hello <b>there</b></p><a rel="noopener noreferrer nofollow">x</a>'
        '<a href="https://shop.example/t" rel="noopener noreferrer nofollow">track</a>'
        '<img src="cid:logo@mail">'
    )


def test_sanitize_empty():
    assert sanitize_html("") == ""


def test_html_to_text_keeps_paragraphs_and_drops_scripts():
    html = (
        "<html><head><title>t</title><style>p{}</style></head><body><p>Hallo  Anna,</p>"
        "<p>Ihr Paket&nbsp;ist <b>unterwegs</b>.<br>Grüße</p><script>x()</script></body></html>"
    )
    assert html_to_text(html) == "Hallo Anna,\n\nIhr Paket\xa0ist unterwegs.\nGrüße"


def test_text_to_html_escapes_and_keeps_lines():
    assert text_to_html("a < b\nsecond line\n\n<script>") == (
        "<p>a &lt; b<br>second line</p><p>&lt;script&gt;</p>"
    )
