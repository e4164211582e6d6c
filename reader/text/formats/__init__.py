"""Readers of the formats that are not plain text or office packages: saved web pages,
HWP 5.0 binary files and scans (OCR). Each returns the lines of the text in reading
order and, where the file states them, the document's metadata. ``markdown`` joins the
lines of each Markdown paragraph (the one step a ``.md`` file takes beyond plain text)."""
