"""A hostile corpus, generated (never committed): every kind of input that must not crash or hang a run."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from bench.corpus import BENCH, ROOT
from bench.pdfmake import make_pdf

SHARED = BENCH.parent


PERSIAN = [
    "ایران در سال ۲۰۲۳ به عضویت کامل سازمان همکاری شانگهای درآمد و این را یک پیروزی دیپلماتیک دانست.",
    "مقامات تهران امیدوارند که این عضویت به کاهش اثر تحریم‌های آمریکا و گسترش تجارت با چین و روسیه کمک کند.",
    "با این حال کارشناسان می‌گویند دستاوردهای این عضویت بیشتر کیفی و میان‌مدت است تا فوری و قابل اندازه‌گیری.",
]
ARABIC = [
    "انضمت إيران إلى منظمة شنغهاي للتعاون في عام 2023 بعد سنوات من العمل بصفة مراقب في المنظمة.",
    "ويرى المسؤولون في طهران أن العضوية تساعد على مواجهة العقوبات الأمريكية وتوسيع التجارة مع الصين وروسيا.",
    "لكن المحللين يقولون إن المكاسب نوعية ومتوسطة الأجل أكثر منها فورية وقابلة للقياس في المدى القريب.",
]
CJK = [
    "伊朗于二〇二三年正式成为上海合作组织成员国，此前它作为观察员国参与该组织的活动已有多年。",
    "德黑兰官员希望成员资格有助于抵消美国制裁的影响，并扩大与中国和俄罗斯之间的贸易往来。",
    "但分析人士认为，这一成员资格带来的收益更多是定性的和中期的，而不是立竿见影、可以衡量的。",
]


def _page(paragraphs: list[str]) -> bytes:
    """A page of distinct paragraphs, as an article in that script would be."""
    return "\n\n".join(paragraphs * 2).encode("utf-8")


def hostile_corpus(folder: Path) -> int:
    """Write every kind of monster into folder; return how many inputs the pipeline should list."""
    folder.mkdir()
    text = (ROOT / "seeds").glob("001*").__next__().read_text(encoding="utf-8")
    files = {
        "empty.txt": b"",
        "png renamed.txt": b"\x89PNG\r\n\x1a\n" + os.urandom(2048),
        "zip-renamed.txt": b"PK\x03\x04" + os.urandom(2048),
        "nul bytes.txt": text[:3000].encode() + b"\x00\x00" + text[3000:].encode(),
        "utf16-nobom.txt": text.encode("utf-16-le"),
        "mixed encodings.txt": text[:4000].encode("utf-8") + "Türkiye’s café".encode("cp1252") + text[4000:].encode("utf-8"),
        "big-50mb.txt": b"The SCO summit. " * (50 * 1024 * 1024 // 16),
        "one-line-5mb.txt": ("Iran joined the SCO in 2023 with 9 members. " * (5 * 1024 * 1024 // 44)).encode(),
        "deep.html": ("<div>" * 10000 + "<p>Deep text about Iran.</p>" + "</div>" * 10000).encode(),
        "scripts-only.html": b"<html><head><script>alert(1)</script></head><body><script>x()</script></body></html>",
        "-leading-dash.txt": text.encode(),
        "ünïcödé name.txt": text.encode() + b"\nA second copy under another name.\n",
        "persian.txt": _page(PERSIAN),
        "arabic.txt": _page(ARABIC),
        "cjk.txt": _page(CJK),
        "truncated.pdf": make_pdf(["Iran and the SCO."])[:200],
        "empty-pages.pdf": make_pdf([""] * 5000),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    for name in ("bad-encrypted-backup4all.pdf", "bad-image-only-scan-zh.pdf"):
        if (SHARED / "pdfs" / name).exists():
            shutil.copy(SHARED / "pdfs" / name, folder / name)
    (folder / "loop-a.txt").symlink_to(folder / "loop-b.txt")
    (folder / "loop-b.txt").symlink_to(folder / "loop-a.txt")
    (folder / "dir-loop").symlink_to(folder, target_is_directory=True)
    locked = folder / "locked.txt"
    locked.write_text("secret", encoding="utf-8")
    locked.chmod(0)
    return len([p for p in folder.iterdir() if p.suffix in (".txt", ".html", ".pdf")])
