"""Checks of the HTML report for tests/browser/run.sh.

Reads the DOMs Chromium dumped and the generated site under ARTIFACTS/site, and checks:
content is there, search filters (#q= and ?q=), every local link resolves, one h1 per page,
heading levels never skip, every input has a label, every svg/img has a title/alt, no
external resources, and every text/background colour pair in the CSS (and the SVG) has a
contrast of at least 4.5:1. Exits non-zero with the list of failures.
"""

import html.parser
import os
import re
import sys
import urllib.parse

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


class Page(html.parser.HTMLParser):
    """The parts of a page the checks need."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.ids = set()
        self.links = []
        self.resources = []
        self.headings = []
        self.inputs = []
        self.labels = set()
        self.images = []
        self.svgs = 0
        self.svg_titles = 0
        self.in_svg = 0
        self.stories = []  # (hidden) of each #stories > li
        self.in_stories = False
        self.depth_in_stories = 0
        self.text = []
        self.style = []
        self.in_style = False
        self.lang = None
        self.viewport = False
        self.tabindex_positive = 0
        self.clickable_non_controls = 0
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("tabindex", "0").lstrip("-").isdigit() and int(attrs.get("tabindex", "0")) > 0:
            self.tabindex_positive += 1
        if "onclick" in attrs and tag not in ("a", "button", "input", "summary"):
            self.clickable_non_controls += 1
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag == "meta" and attrs.get("name") == "viewport":
            self.viewport = True
        if tag == "a" and "href" in attrs:
            self.links.append(attrs["href"])
        if tag in ("script", "img", "iframe", "link") and (attrs.get("src") or attrs.get("href")):
            self.resources.append(attrs.get("src") or attrs.get("href"))
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag in ("input", "select", "textarea") and attrs.get("type") != "hidden":
            self.inputs.append(attrs)
        if tag == "label" and "for" in attrs:
            self.labels.add(attrs["for"])
        if tag == "img":
            self.images.append(attrs)
        if tag == "svg":
            self.svgs += 1
            self.in_svg += 1
            if attrs.get("aria-label"):
                self.svg_titles += 1
        if tag == "title" and self.in_svg:
            self.svg_titles += 1
        if tag == "ol" and attrs.get("id") == "stories":
            self.in_stories = True
        elif self.in_stories:
            if tag == "li" and self.depth_in_stories == 0:
                self.stories.append("hidden" in attrs)
            self.depth_in_stories += 1 if tag not in ("br", "img", "input", "meta") else 0
        if tag == "style":
            self.in_style = True

    def handle_endtag(self, tag):
        if tag == "svg":
            self.in_svg -= 1
        if self.in_stories:
            if tag == "ol" and self.depth_in_stories == 0:
                self.in_stories = False
            elif self.depth_in_stories > 0:
                self.depth_in_stories -= 1
        if tag == "style":
            self.in_style = False

    def handle_data(self, data):
        if self.in_style:
            self.style.append(data)
        else:
            self.text.append(data)

    def all_text(self):
        return " ".join(" ".join(self.text).split())


def read(path):
    with open(path, encoding="utf-8") as file:
        return file.read()


def check_links(path, page, pages):
    for href in page.links:
        parsed = urllib.parse.urlsplit(href)
        if parsed.scheme in ("http", "https", "mailto"):
            continue
        check(parsed.scheme in ("", "file"), f"{path}: unexpected link scheme {href}")
        target = path if not parsed.path else os.path.normpath(os.path.join(os.path.dirname(path), urllib.parse.unquote(parsed.path)))
        if not os.path.isfile(target):
            failures.append(f"{path}: link {href} -> missing file {target}")
            continue
        if parsed.fragment:
            ids = pages[target].ids if target in pages else Page(read(target)).ids
            check(parsed.fragment in ids, f"{path}: link {href}: no element with id {parsed.fragment}")


def check_accessibility(path, page):
    check(page.headings.count(1) == 1, f"{path}: {page.headings.count(1)} h1 elements, want exactly one")
    check(page.headings[:1] == [1], f"{path}: the first heading is not the h1")
    for previous, current in zip(page.headings, page.headings[1:]):
        check(current <= previous + 1, f"{path}: heading level skips from h{previous} to h{current}")
    for field in page.inputs:
        labelled = field.get("id") in page.labels or field.get("aria-label") or field.get("aria-labelledby")
        check(labelled, f"{path}: input without a label: {field}")
    for image in page.images:
        check("alt" in image, f"{path}: img without alt: {image}")
    check(page.svg_titles >= page.svgs, f"{path}: {page.svgs} svg but {page.svg_titles} titles")
    check(page.lang, f"{path}: html has no lang")
    check(page.viewport, f"{path}: no meta viewport")
    check(page.tabindex_positive == 0, f"{path}: positive tabindex breaks the keyboard order")
    check(page.clickable_non_controls == 0, f"{path}: click handlers on elements a keyboard cannot reach")
    style = "".join(page.style)
    check(re.search(r":focus-visible[^{]*\{[^}]*outline:\s*[1-9]", style), f"{path}: no visible focus outline")
    check("outline:none" not in style.replace(" ", "") and "outline:0" not in style.replace(" ", ""), f"{path}: focus outline removed")
    for resource in page.resources:
        check(not re.match(r"(https?:)?//", resource), f"{path}: external resource {resource}")


def luminance(colour):
    colour = colour.lstrip("#")
    if len(colour) == 3:
        colour = "".join(c * 2 for c in colour)
    channels = [int(colour[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground, background):
    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def check_contrast(path, page, raw):
    css = "".join(page.style)
    variables = dict(re.findall(r"--([\w-]+)\s*:\s*(#[0-9a-fA-F]{3,6})", css))
    check(variables, f"{path}: no colour variables found in the CSS")

    def resolve(value):
        value = value.strip()
        found = re.fullmatch(r"var\(--([\w-]+)\)", value)
        if found:
            return variables.get(found.group(1))
        return value if re.fullmatch(r"#[0-9a-fA-F]{3,6}", value) else None

    page_fg, page_bg = variables.get("fg"), variables.get("bg")
    pairs = 0
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        declarations = dict((k.strip(), v.strip()) for k, v in re.findall(r"([\w-]+)\s*:\s*([^;]+)", body))
        colour = resolve(declarations.get("color", "")) if "color" in declarations else None
        background = declarations.get("background") or declarations.get("background-color")
        background = resolve(background) if background else None
        if colour is None and background is None:
            continue
        foreground, behind = colour or page_fg, background or page_bg
        if foreground and behind:
            pairs += 1
            ratio = contrast(foreground, behind)
            check(ratio >= 4.5, f"{path}: contrast {ratio:.2f} < 4.5 for '{selector.strip()}' ({foreground} on {behind})")
    check(pairs >= 3, f"{path}: only {pairs} colour pairs found in the CSS")
    # SVG: every text colour against every shape fill and the page background.
    text_fills = set(re.findall(r'<text[^>]*fill="(#[0-9a-fA-F]{3,6})"', raw))
    shape_fills = set(re.findall(r'<rect[^>]*fill="(#[0-9a-fA-F]{3,6})"', raw))
    for text_fill in text_fills:
        for fill in shape_fills | {page_bg}:
            ratio = contrast(text_fill, fill)
            check(ratio >= 4.5, f"{path}: svg text {text_fill} on {fill}: contrast {ratio:.2f} < 4.5")


def main(artifacts):
    site = os.path.join(artifacts, "site")
    files = [os.path.join(site, "index.html")] + sorted(
        os.path.join(site, "story", name) for name in os.listdir(os.path.join(site, "story"))
    )
    pages = {path: Page(read(path)) for path in files}
    for path, page in pages.items():
        check_links(path, page, pages)
        check_accessibility(path, page)
        check_contrast(path, page, read(path))
        check("http://" not in "".join(page.style) and "https://" not in "".join(page.style), f"{path}: external URL in CSS")

    index = Page(read(os.path.join(artifacts, "index.dom.html")))
    total = len(index.stories)
    check(total >= 2, f"index: {total} stories listed, want at least 2")
    check(not any(index.stories), "index without a query hides stories")
    check(f"Showing {total} of {total} stories" in index.all_text(), "index: count line missing")
    check("Putin" in index.all_text(), "index: the seeds story headline is missing")

    for name, word in (("index-search.dom.html", "pyongyang"), ("index-query.dom.html", "rehab")):
        searched = Page(read(os.path.join(artifacts, name)))
        visible = searched.stories.count(False)
        check(0 < visible < total, f"{name}: {visible} of {total} stories visible for '{word}', want fewer but some")
        check(f"Showing {visible} of {total} stories" in searched.all_text(), f"{name}: count line not updated")
        check(f'value="{word}"' in read(os.path.join(artifacts, name)), f"{name}: search box not pre-filled")

    story = Page(read(os.path.join(artifacts, "story.dom.html")))
    text = story.all_text()
    for expected in ("Summary", "Timeline", "Sources", "Who copied whom", "Where the articles disagree",
                     "2022-12-09", "Kim Jong Un", "Pyongyang", "Lavrov", "Ushakov", "What cleaning removed", "rewrite"):
        check(expected in text, f"story page: '{expected}' missing")
    check(story.svgs >= 1, "story page: no copy-family picture")
    check_links(os.path.join(site, "story", "0.html"), story, pages)

    for name in ("index.png", "story.png", "story-phone.png"):
        path = os.path.join(artifacts, name)
        ok = os.path.isfile(path) and os.path.getsize(path) > 1000
        check(ok and open(path, "rb").read(8) == b"\x89PNG\r\n\x1a\n", f"screenshot {name} missing or not a PNG")

    if failures:
        print(f"FAIL: {len(failures)} problem(s)")
        for failure in failures:
            print("  -", failure)
        return 1
    print(f"PASS: {len(pages)} pages, {total} stories; search, links, accessibility and contrast checked")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
