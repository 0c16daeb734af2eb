"""Development helper for the clean_eval example: turns the WCXB dev pages into naive text.

Strips tags with the standard library only (no boilerplate removal at all), so that cleaning
can be scored on text full of site furniture. Writes JSONL with id, source (domain), title,
text and the ground truth "with"/"without" snippet lists:

    python3 crates/storyline_clean/examples/wcxb_naive_text.py OUT.jsonl
    cargo run --release -p storyline_clean --example clean_eval -- --jsonl OUT.jsonl
"""
import gzip, json, sys, html.parser, os, collections
BLOCK = set("p div br li ul ol h1 h2 h3 h4 h5 h6 tr td th table section article header footer nav aside blockquote pre figure figcaption form main title dt dd hr".split())
SKIP = set("script style noscript svg template iframe head".split())
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True); self.out=[]; self.skip=0
    def handle_starttag(self, tag, attrs):
        if tag in SKIP: self.skip+=1
        if tag in BLOCK: self.out.append("\n")
    def handle_endtag(self, tag):
        if tag in SKIP and self.skip>0: self.skip-=1
        if tag in BLOCK: self.out.append("\n")
    def handle_data(self, d):
        if not self.skip: self.out.append(d.replace("\n"," "))
root=os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../shared/data/wcxb-dev-articles")
out=open(sys.argv[1] if len(sys.argv) > 1 else "wcxb-naive.jsonl", "w")
doms=collections.Counter()
for line in open(f"{root}/ground-truth.jsonl"):
    g=json.loads(line)
    raw=gzip.open(f"{root}/html/{g['id']}.html.gz").read().decode("utf-8","replace")
    p=P(); 
    try: p.feed(raw)
    except Exception: pass
    text="".join(p.out)
    lines=[" ".join(l.split()) for l in text.split("\n")]
    lines=[l for l in lines if l]
    doms[g['domain']]+=1
    out.write(json.dumps({"id":g["id"],"source":g["domain"],"title":g["title"],"text":"\n".join(lines),"with":g["with"],"without":g["without"]})+"\n")
print(len(doms), doms.most_common(5))
