"""Currency symbols, codes and names -> ISO 4217 codes (XBT, the usual code for bitcoin, is not ISO).

Defaults for ambiguous names follow the corpus (Iran, Türkiye, SCO): `$` and `dollars` are USD,
`rials` IRR, `riyals` SAR, `lira` TRY; a nationality adjective overrides (`Australian dollars`).
"""

from __future__ import annotations

# ISO codes written in capitals before or after a number ("USD 200", "500 EUR", "115USD").
# Codes that are also common English words in capitals (ALL, TOP, CUP, MOP, BOB) are left out.
CODES: dict[str, str] = {c: c for c in (
    "USD EUR GBP JPY CNY CHF CAD AUD NZD HKD SGD TWD INR PKR LKR BDT NPR IRR TRY RUB SAR AED QAR KWD OMR "
    "BHD IQD JOD LBP SYP EGP ILS KZT UZS KGS TJS TMT AZN AMD GEL AFN KRW BRL MXN ZAR SEK NOK DKK PLN HUF "
    "CZK UAH BYN MYR IDR THB VND PHP NGN MAD TND DZD YER CNH XBT"
).split()}
CODES.update({"RMB": "CNY", "BTC": "XBT", "TL": "TRY", "NIS": "ILS"})
# Lower-case codes seen in running text ("20 usd", "rmb 10"); only those that are not English words.
LOWER_CODES: dict[str, str] = {c.lower(): v for c, v in CODES.items()
                               if c in {"USD", "EUR", "GBP", "RMB", "CNY", "JPY", "CHF", "CAD", "AUD", "INR", "IRR"}}

PREFIX_SYMBOLS: dict[str, str] = {
    "$": "USD", "US$": "USD", "US $": "USD", "us $": "USD", "U.S.$": "USD", "U.S. $": "USD", "u.s $": "USD",
    "u.s. $": "USD", "USD$": "USD", "usd$": "USD", "C$": "CAD", "c $": "CAD", "CA$": "CAD", "CAD$": "CAD",
    "cad$": "CAD", "A$": "AUD", "AU$": "AUD", "AUD$": "AUD", "aud$": "AUD", "NZ$": "NZD", "NZD$": "NZD",
    "nzd$": "NZD", "HK$": "HKD", "hk $": "HKD", "hk$": "HKD", "S$": "SGD", "NT$": "TWD", "R$": "BRL",
    "Mex$": "MXN", "MX$": "MXN", "mxn$": "MXN", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "Rs.": "INR",
    "Rs": "INR", "₺": "TRY", "₽": "RUB", "₩": "KRW", "₪": "ILS", "﷼": "IRR", "₿": "XBT", "₴": "UAH",
    "₸": "KZT", "₼": "AZN", "₾": "GEL", "₦": "NGN", "₱": "PHP", "₫": "VND", "元": "CNY",
}
SUFFIX_SYMBOLS: dict[str, str] = {
    s: v for s, v in PREFIX_SYMBOLS.items() if len(s) == 1} | {"₡": "CRC", "₭": "LAK", "ரூ": "LKR", "TL": "TRY"}

# name -> (root, default ISO, major units per written unit)
NAMES: dict[str, tuple[str, str | None, float]] = {}
for _root, _iso, _factor, _forms in (
    ("dollar", "USD", 1.0, "dollar dollars"), ("euro", "EUR", 1.0, "euro euros"),
    ("pound", "GBP", 1.0, "pound pounds sterling"), ("pence", "GBP", 0.01, "pence penny pennies"),
    ("cent", "USD", 0.01, "cent cents"), ("yen", "JPY", 1.0, "yen"),
    ("yuan", "CNY", 1.0, "yuan renminbi kuai"), ("rial", "IRR", 1.0, "rial rials"),
    ("toman", "IRR", 10.0, "toman tomans tomen"), ("riyal", "SAR", 1.0, "riyal riyals"),
    ("lira", "TRY", 1.0, "lira liras lire"), ("ruble", "RUB", 1.0, "ruble rubles rouble roubles"),
    ("rupee", "INR", 1.0, "rupee rupees"), ("franc", "CHF", 1.0, "franc francs"),
    ("peso", "MXN", 1.0, "peso pesos"), ("dinar", None, 1.0, "dinar dinars"),
    ("dirham", "AED", 1.0, "dirham dirhams"), ("manat", "AZN", 1.0, "manat manats"),
    ("tenge", "KZT", 1.0, "tenge"), ("som", "UZS", 1.0, "som soms"), ("somoni", "TJS", 1.0, "somoni"),
    ("afghani", "AFN", 1.0, "afghani afghanis"), ("shekel", "ILS", 1.0, "shekel shekels sheqel sheqels"),
    ("rand", "ZAR", 1.0, "rand"), ("krona", "SEK", 1.0, "krona kronor"), ("krone", "NOK", 1.0, "krone kroner"),
    ("zloty", "PLN", 1.0, "zloty zlotys zlotych"), ("hryvnia", "UAH", 1.0, "hryvnia hryvnias"),
    ("lari", "GEL", 1.0, "lari laris"), ("dram", "AMD", 1.0, "dram drams"), ("taka", "BDT", 1.0, "taka"),
    ("ringgit", "MYR", 1.0, "ringgit"), ("baht", "THB", 1.0, "baht"), ("rupiah", "IDR", 1.0, "rupiah"),
    ("naira", "NGN", 1.0, "naira"), ("peseta", "ESP", 1.0, "peseta pesetas"),
    ("guilder", "NLG", 1.0, "guilder guilders"), ("markka", "FIM", 1.0, "markka markkaa"),
    ("bitcoin", "XBT", 1.0, "bitcoin bitcoins"), ("satoshi", "XBT", 1e-8, "satoshi satoshis"),
    ("real", "BRL", 1.0, "reais"),
):
    for _form in _forms.split():
        NAMES[_form] = (_root, _iso, _factor)

# (adjective, root) -> ISO, for names shared by several countries.
ADJECTIVE_ISO: dict[tuple[str, str], str] = {}
for _root, _pairs in {
    "dollar": "us:USD u.s.:USD american:USD australian:AUD canadian:CAD hong_kong:HKD new_zealand:NZD "
              "singapore:SGD singaporean:SGD taiwan:TWD taiwanese:TWD",
    "pound": "british:GBP egyptian:EGP lebanese:LBP syrian:SYP sudanese:SDG",
    "franc": "swiss:CHF french:FRF belgian:BEF cfa:XOF",
    "rupee": "indian:INR pakistani:PKR sri_lankan:LKR nepalese:NPR",
    "rial": "iranian:IRR omani:OMR yemeni:YER",
    "riyal": "saudi:SAR qatari:QAR",
    "dinar": "iraqi:IQD kuwaiti:KWD jordanian:JOD bahraini:BHD libyan:LYD tunisian:TND algerian:DZD",
    "dirham": "emirati:AED uae:AED moroccan:MAD",
    "peso": "mexican:MXN argentine:ARS argentinian:ARS philippine:PHP colombian:COP chilean:CLP",
    "yuan": "chinese:CNY", "yen": "japanese:JPY", "euro": "european:EUR",
    "lira": "turkish:TRY italian:ITL", "ruble": "russian:RUB belarusian:BYN",
    "manat": "azerbaijani:AZN turkmen:TMT", "som": "uzbek:UZS kyrgyz:KGS",
    "krona": "swedish:SEK icelandic:ISK", "krone": "norwegian:NOK danish:DKK",
    "guilder": "dutch:NLG netherlands:NLG", "markka": "finnish:FIM", "rand": "south_african:ZAR",
    "real": "brazilian:BRL", "shekel": "israeli:ILS new:ILS",
}.items():
    for _pair in _pairs.split():
        _adj, _iso = _pair.split(":")
        ADJECTIVE_ISO[(_adj.replace("_", " "), _root)] = _iso
# Adjective forms that name the country and the currency at once ("Brazilian real", "Korean won").
for _adj, _iso in {"korean": "KRW", "south korean": "KRW"}.items():
    ADJECTIVE_ISO[(_adj, "won")] = _iso
NAMES["won"] = ("won", None, 1.0)
NAMES["real"] = ("real", "BRL", 1.0)
# "won" and "real" are everyday English words: only a currency with its adjective ("Korean won").
NEEDS_ADJECTIVE = {"won", "real"}
