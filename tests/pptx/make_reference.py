"""Makes `reference-16x9.pptx` and `reference-4x3.pptx`: reference decks as
another tool writes them (python-pptx's built-in template, which PowerPoint
made), for the tests of a brand's `reference_deck`.

    pip install python-pptx==1.0.2 && python3 make_reference.py

The 16:9 deck gets a theme of its own (Georgia headings and body, a green
first accent) and a shape on its master ("Reference footer band"), so the
tests can tell its master from briefsmith's; the 4:3 deck is the template
as it comes, which briefsmith refuses (its slides are 16:9).
"""
from pptx import Presentation
from pptx.util import Emu
from pptx.oxml import parse_xml

prs = Presentation()
prs.save("reference-4x3.pptx")

prs = Presentation()
prs.slide_width = Emu(12192000)
prs.slide_height = Emu(6858000)
master = prs.slide_master
band = parse_xml(
    '<p:sp xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
    '<p:nvSpPr><p:cNvPr id="90" name="Reference footer band"/><p:cNvSpPr/><p:nvPr userDrawn="1"/></p:nvSpPr>'
    '<p:spPr><a:xfrm><a:off x="0" y="6629400"/><a:ext cx="12192000" cy="228600"/></a:xfrm>'
    '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="2E7D32"/></a:solidFill></p:spPr>'
    '</p:sp>'
)
master.shapes._spTree.append(band)
theme = [p for p in master.part.package.iter_parts() if p.partname.endswith("theme1.xml")][0]
xml = theme.blob.decode("utf-8")
xml = xml.replace('typeface="Calibri"', 'typeface="Georgia"').replace('typeface="Calibri Light"', 'typeface="Georgia"')
theme._blob = xml.encode("utf-8")
prs.core_properties.title = "Reference deck"
prs.save("reference-16x9.pptx")
