"""Reads a .pptx with python-pptx and prints what the tests compare, as
JSON: each slide's layout, texts, notes and shape boxes; the master's
texts; the slide size and the document properties.

    python3 read.py slides.pptx
"""
import json
import sys

from pptx import Presentation

prs = Presentation(sys.argv[1])
out = {
    "width": prs.slide_width,
    "height": prs.slide_height,
    "core": {
        "title": prs.core_properties.title,
        "author": prs.core_properties.author,
        "keywords": prs.core_properties.keywords,
    },
    "master": [s.text_frame.text for s in prs.slide_master.shapes if s.has_text_frame],
    "master_names": [s.name for s in prs.slide_master.shapes],
    "slides": [],
}
for slide in prs.slides:
    out["slides"].append({
        "layout": slide.slide_layout.name,
        "title": slide.shapes.title.text_frame.text if slide.shapes.title is not None else None,
        "texts": [s.text_frame.text for s in slide.shapes if s.has_text_frame],
        "notes": slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else None,
        "boxes": [[s.name, s.left, s.top, s.width, s.height] for s in slide.shapes],
    })
json.dump(out, sys.stdout, ensure_ascii=False)
