"""Word lists: function words (prose has many, menus few) and words typical of site chrome."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

COMMON_PATH = Path(__file__).with_name("common_words.txt")

# Function words per language: the share of them in a line is jusText's best single signal of
# running prose; a small union keeps non-English pages from looking like menus.
STOPWORDS_BY_LANG: dict[str, frozenset[str]] = {
    "en": frozenset(
        "a about above after again against all also am an and any are as at be because been before being "
        "between both but by can could did do does doing down during each few for from further had has have "
        "having he her here hers herself him himself his how i if in into is it its itself just me more most "
        "my no nor not now of off on once only or other our ours out over own same she should so some such "
        "than that the their theirs them then there these they this those through to too under until up very "
        "was we were what when where which while who whom why will with would you your yours which who whose "
        "may might must shall would us one also however since although though".split()
    ),
    "fr": frozenset(
        "le la les un une des du de et est en que qui dans pour pas sur au aux ce ces cette il elle ils elles "
        "nous vous son sa ses leur leurs mais ou donc par plus avec sont été être a ont comme tout".split()
    ),
    "de": frozenset(
        "der die das und ist nicht ein eine einer eines zu den dem des mit sich auf für von im in auch es "
        "als an wie wird werden sind war hat haben aus bei dass oder noch nach über nur".split()
    ),
    "es": frozenset(
        "el la los las un una unos unas y es en que de del por para con no se su sus al lo como más pero "
        "sus le ya o fue este esta son entre cuando muy sin sobre también".split()
    ),
    "it": frozenset(
        "il lo la gli le un una di che è e in per non con si da del della dei delle al alla sono come ma "
        "più anche questo questa nel nella".split()
    ),
    "pt": frozenset(
        "o a os as um uma de do da dos das e é em que para com não se por mais na no como mas foi ao ele "
        "ela seu sua ou ser quando muito também".split()
    ),
    "nl": frozenset(
        "de het een en van is in dat op te zijn met voor niet aan er die ook als bij door maar om uit "
        "worden wordt naar dan nog wel".split()
    ),
    "tr": frozenset(
        "ve bir bu da de için ile olarak çok daha gibi olan ama en ya her şey kadar sonra ancak veya "
        "ise değil göre".split()
    ),
    "id": frozenset(
        "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke ada adalah atau karena "
        "oleh sebagai bisa".split()
    ),
}
STOPWORDS: frozenset[str] = frozenset().union(*STOPWORDS_BY_LANG.values())

# Capitalised and upper-case forms too, so lines can be tested on their tokens without lower-casing.
STOPWORDS_CASED: frozenset[str] = STOPWORDS | {w.capitalize() for w in STOPWORDS} | {w.upper() for w in STOPWORDS}

# Words of menus, share bars, forms and footers. Counted, not trusted: an article may well say
# "privacy"; the model weighs the count against everything else.
_BOILER = (
    "share shares shared tweet facebook twitter linkedin pinterest whatsapp instagram youtube telegram reddit "
    "tiktok email e-mail print subscribe subscribed subscription subscriptions newsletter newsletters login "
    "logout register cookie cookies privacy terms policy advertisement advertisements advertise advertising "
    "sponsored menu search home related recommended trending popular latest comment comments reply replies "
    "tags tag categories category careers copyright loading download app apps podcast podcasts video videos "
    "watch listen next previous prev more contact about sitemap rss feed faq help account cart shop store "
    "donate join follow skip"
).split()
BOILER_WORDS: frozenset[str] = frozenset(_BOILER + [w.capitalize() for w in _BOILER] + [w.upper() for w in _BOILER])
# Phrases, found in the lower-cased text of short lines only.
BOILER_PHRASES: tuple[str, ...] = (
    "sign in", "sign up", "log in", "read more", "continue reading", "keep reading", "show less", "load more",
    "see all", "view all", "more from", "posted in", "filed under", "follow us", "contact us", "about us",
    "back to top", "click here", "rights reserved", "all rights", "you may also", "don't miss", "must read",
    "most read", "leave a reply", "leave a comment", "your email",
)


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Words English article text writes in lower case (built by `python -m bench.common_words`)."""
    return frozenset(COMMON_PATH.read_text(encoding="utf-8").split())
