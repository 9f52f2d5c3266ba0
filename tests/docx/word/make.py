"""Makes `pakistan-counterterrorism.docx` in Word's own dialect: the seed's
thirteen paragraphs in the template Word itself wrote (python-docx's
`default.docx`: Word's styles, numbering, settings, theme and font table),
with the markup Word leaves in a document it has edited — runs split where
the text was typed or corrected, each with its revision id (`w:rsidR`),
spelling and grammar marks (`w:proofErr`), the `_GoBack` bookmark, a rendered
page break (`w:lastRenderedPageBreak`), a content control (`w:sdt`) and a
hyperlink. briefsmith must read it as the text version.

    pip install python-docx==1.2.0 && python3 make.py
"""
import copy
import random

import docx
from docx.oxml.ns import qn
from lxml import etree

random.seed(7)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

doc = docx.Document()
doc.core_properties.author = "Policy Analysis Unit"
doc.core_properties.title = ""
with open("../../../seeds/pakistan-counterterrorism.txt", encoding="utf-8") as f:
    paragraphs = [line.strip() for line in f if line.strip()]
for text in paragraphs:
    doc.add_paragraph(text)

rsids = ["00A1B2C3", "00D4E5F6", "0071A2B3", "00C4D5E6"]


def run(text, rsid):
    r = etree.SubElement(etree.Element(qn("w:p")), qn("w:r"))
    r.set(qn("w:rsidR"), rsid)
    t = etree.SubElement(r, qn("w:t"))
    t.text = text
    if text != text.strip():
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return r


body = doc.element.body
for i, p in enumerate(body.findall(qn("w:p"))):
    text = "".join(t.text for t in p.iter(qn("w:t")))
    for r in p.findall(qn("w:r")):
        p.remove(r)
    p.set(qn("w:rsidR"), rsids[i % 4])
    p.set(qn("w:rsidRDefault"), rsids[(i + 1) % 4])
    # Split the text where an editor would have: mid-word too.
    cuts = sorted(random.sample(range(1, len(text)), k=min(6, len(text) - 1)))
    pieces = [text[a:b] for a, b in zip([0] + cuts, cuts + [len(text)])]
    for j, piece in enumerate(pieces):
        if j == 1:
            e = etree.SubElement(p, qn("w:proofErr"))
            e.set(qn("w:type"), "spellStart")
        p.append(run(piece, rsids[(i + j) % 4]))
        if j == 1:
            e = etree.SubElement(p, qn("w:proofErr"))
            e.set(qn("w:type"), "spellEnd")
    if i == 0:
        start = etree.Element(qn("w:bookmarkStart"))
        start.set(qn("w:id"), "0")
        start.set(qn("w:name"), "_GoBack")
        p.insert(1, start)
        end = etree.SubElement(p, qn("w:bookmarkEnd"))
        end.set(qn("w:id"), "0")
    if i == 6:
        # A page break Word rendered here last time it laid the page out.
        first = p.find(qn("w:r"))
        first.insert(0, etree.Element(qn("w:lastRenderedPageBreak")))
    if i == 4:
        # The last run as a hyperlink (to a bookmark: no relationship needed).
        last = p.findall(qn("w:r"))[-1]
        link = etree.Element(qn("w:hyperlink"))
        link.set(qn("w:anchor"), "_GoBack")
        link.set(qn("w:history"), "1")
        p.replace(last, link)
        link.append(last)

# A content control around the ninth paragraph, as Word's templates use.
ninth = body.findall(qn("w:p"))[8]
sdt = etree.Element(qn("w:sdt"))
pr = etree.SubElement(sdt, qn("w:sdtPr"))
alias = etree.SubElement(pr, qn("w:alias"))
alias.set(qn("w:val"), "Assessment")
etree.SubElement(pr, qn("w:id")).set(qn("w:val"), "-1234567")
content = etree.SubElement(sdt, qn("w:sdtContent"))
body.replace(ninth, sdt)
content.append(ninth)
doc.save("pakistan-counterterrorism.docx")
