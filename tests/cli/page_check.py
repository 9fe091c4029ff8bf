"""What headless Chromium made of a page: marks, network requests, pixels.

    page_check.py marks DOM.html          one line per mark (<g class="mark">):
                                          the first word of its <title>, a tab,
                                          the whole title
    page_check.py requests NETLOG.json    one line per request the page itself
                                          started (initiator other than the
                                          browser's own "not an origin"): URL
    page_check.py pixels SHOT.png         "DISTINCT_COLOURS NON_WHITE_PERMILLE"

DOM.html is Chromium's --dump-dom (the document after loading), NETLOG.json
its --log-net-log. The browser's own background requests (update checks and
the like) carry the initiator "not an origin" and are left out; whatever the
page fetches carries the page's origin ("null" for a file).
"""
import json
import sys
from html.parser import HTMLParser


class Marks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.depth = 0  # inside a mark: nesting depth of <g>
        self.in_title = False
        self.title = ""
        self.marks = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "g" and self.depth:
            self.depth += 1
        elif tag == "g" and "mark" in (a.get("class") or "").split():
            self.depth = 1
            self.title = ""
        elif tag == "title" and self.depth:
            self.in_title = True

    def handle_endtag(self, tag):
        if tag == "title" and self.in_title:
            self.in_title = False
            self.marks.append(self.title)
        elif tag == "g" and self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.in_title:
            self.title += data


def marks(path):
    p = Marks()
    p.feed(open(path, encoding="utf-8").read())
    for t in p.marks:
        print(t.split(" ", 1)[0] + "\t" + t)


def requests(path):
    log = json.load(open(path))
    names = {v: k for k, v in log["constants"]["logEventTypes"].items()}
    for e in log["events"]:
        p = e.get("params") or {}
        if names.get(e["type"]) == "URL_REQUEST_START_JOB" and "url" in p:
            if p.get("initiator") != "not an origin":
                print(p["url"])


def pixels(path):
    from PIL import Image

    img = Image.open(path).convert("RGB")
    data = list(img.getdata())
    colours = len(set(data))
    non_white = sum(1 for px in data if min(px) < 240)
    print(colours, non_white * 1000 // len(data))


{"marks": marks, "requests": requests, "pixels": pixels}[sys.argv[1]](sys.argv[2])
