"""How each agency writes a person: names, dates, places, phones, countries."""

from common import *  # noqa: F401,F403  (the generator's shared helpers and facts)

def fmt_mdy(d, rng, pad_p=1.0):
    if rng.random() < pad_p:
        return "%02d/%02d/%04d" % (d.month, d.day, d.year)
    return "%d/%d/%d" % (d.month, d.day, d.year)


def shift_dob(p, rng, nz, est_sigma=True):
    """The date an agency writes for a person's birth (may be estimated or corrupted)."""
    d = p.dob
    if p.dob_unknown or rng.random() < nz.p(0.015):
        y = d.year + (rng.choice([-1, 0, 0, 0, 1]) if est_sigma else 0)
        return D(y, 1, 1), True
    r = rng.random()
    if r < nz.p(0.025) and d.day <= 12 and d.day != d.month:
        return D(d.year, d.day, d.month), False
    r -= nz.p(0.025)
    if r < nz.p(0.012):
        return D(d.year + rng.choice([-1, 1]), d.month, min(d.day, 28)), False
    r -= nz.p(0.012)
    if r < nz.p(0.01):
        return D(d.year, d.month, min(28, max(1, d.day + rng.choice([-10, -1, 1, 10])))), False
    return d, False


class Renderer:
    def __init__(self, world):
        self.w = world
        self.rng = world.rng
        self.nz = world.nz

    # ---------------------------------------------------------- names
    def spell_token(self, t, kind, sysname):
        rng, nz = self.rng, self.nz
        if " " in t and t.split(" ")[0].lower() in ("de", "del"):
            if rng.random() < {"orr": 0.5, "eagle": 0.6, "earm": 0.3, "told": 0.5}[sysname]:
                t = particle_variant(t, rng)
        if kind == "given":
            v = F.GIVEN_VARIANTS.get(t)
            if v and rng.random() < nz.p({"orr": 0.14, "eagle": 0.06, "earm": 0.05, "told": 0.2}[sysname]):
                t = v[rng.randrange(len(v))]
        elif t in MAYA_ONLY and rng.random() < nz.p({"orr": 0.3, "eagle": 0.25, "earm": 0.2, "told": 0.4}[sysname]):
            t = maya_variant(t, rng)
        if rng.random() < nz.p({"orr": 0.05, "eagle": 0.035, "earm": 0.025, "told": 0.08}[sysname]):
            t = phonetic(t, rng)
        if rng.random() < nz.p({"orr": 0.012, "eagle": 0.01, "earm": 0.008, "told": 0.01}[sysname]):
            t = typo(t, rng)
        return t

    def name_parts(self, p, sysname):
        rng, nz = self.rng, self.nz
        g, s = list(p.given), list(p.sur)
        if p.married and rng.random() < {"orr": 0.2, "eagle": 0.15, "earm": 0.3, "told": 0.05}[sysname]:
            s = s + ["de " + p.married] if rng.random() < 0.5 else [s[0], "de " + p.married]
            if sysname != "earm" and rng.random() < nz.p(0.12):
                s = [p.married]
        if p.culture == "br":
            if len(s) >= 2 and rng.random() < {"orr": 0.5, "eagle": 0.6, "earm": 0.3, "told": 0.3}[sysname]:
                g, s = g + s[:-1], s[-1:]
        elif p.culture == "ro":
            if rng.random() < nz.p(0.07):
                g, s = s, g
        elif len(s) >= 2:
            r = rng.random()
            drop = nz.p({"orr": 0.18, "eagle": 0.14, "earm": 0.08, "told": 0.3}[sysname])
            only2, swap, move = nz.p(0.015), nz.p(0.03), nz.p(0.035)
            if r < drop:
                s = s[:1]
            elif r < drop + only2:
                s = s[1:]
            elif r < drop + only2 + swap:
                s = [s[1], s[0]] + s[2:]
            elif r < drop + only2 + swap + move and sysname != "told":
                g, s = g + s[:1], s[1:]
        if len(g) >= 2:
            r = rng.random()
            d1 = nz.p({"orr": 0.2, "eagle": 0.22, "earm": 0.1, "told": 0.5}[sysname])
            if r < d1:
                g = g[:1]
            elif r < d1 + nz.p(0.03):
                g = g[1:]
            elif r < d1 + nz.p(0.05) and sysname in ("orr", "earm"):
                g = [g[0], strip_accents(g[1])[0] + "."]
            elif r < d1 + nz.p(0.065) and sysname != "told" and len(s) >= 1:
                s = [g[-1]] + s          # second given name taken as a surname
                g = g[:-1]
        g = [self.spell_token(t, "given", sysname) for t in g]
        s = [self.spell_token(t, "sur", sysname) for t in s]
        return g, s

    def ascii_upper(self, s):
        return strip_accents(s).upper()

    def orr_name(self, p):
        rng, nz = self.rng, self.nz
        g, s = self.name_parts(p, "orr")
        first = " ".join(g)
        last = ("-" if (len(s) == 2 and rng.random() < nz.p(0.05)) else " ").join(s)
        if rng.random() < 0.65:
            first, last = strip_accents(first), strip_accents(last)
        if rng.random() < 0.3:
            first, last = first.upper(), last.upper()
        return first, last

    def eagle_name(self, p):
        g, s = self.name_parts(p, "eagle")
        sep = ", " if self.rng.random() > self.nz.p(0.015) else " "
        return self.ascii_upper(" ".join(s) + sep + " ".join(g))

    def earm_name(self, p):
        rng = self.rng
        g, s = self.name_parts(p, "earm")
        full = " ".join(g + s)
        if rng.random() < 0.5:
            full = strip_accents(full)
        if rng.random() < 0.08:
            full = full.upper()
        return full

    def told_name(self, p, child_age):
        """How a child names an adult: may be only a role word, a first name or a nickname."""
        rng = self.rng
        if child_age < 5:
            mode = wpick(rng, [("role", 45), ("first", 20), ("nick", 10), ("first_sur", 10), ("none", 15)])
        elif child_age < 12:
            mode = wpick(rng, [("role", 12), ("first", 20), ("nick", 8), ("first_sur", 30), ("full", 27), ("none", 3)])
        else:
            mode = wpick(rng, [("role", 4), ("first", 8), ("nick", 3), ("first_sur", 25), ("full", 56), ("none", 4)])
        if mode in ("role", "none"):
            return mode, ""
        g, s = self.name_parts(p, "told")
        if mode == "nick":
            nk = F.NICKNAMES.get(p.given[0])
            if nk:
                return mode, nk[rng.randrange(len(nk))]
            mode = "first"
        if mode == "first":
            return mode, g[0]
        if mode == "first_sur":
            return mode, g[0] + " " + s[0]
        txt = " ".join(g + s)
        return mode, strip_accents(txt) if rng.random() < 0.5 else txt

    # ---------------------------------------------------------- phones
    def fmt_phone(self, ph, sysname):
        rng, nz = self.rng, self.nz
        cc, nat = ph
        if rng.random() < nz.p(0.025):   # a digit misheard / mistyped
            i = rng.randrange(len(nat))
            if i >= 3 or cc != "1":
                nat = nat[:i] + str(rng.randrange(10)) + nat[i + 1:]
        if cc == "1":
            a, b, c = nat[:3], nat[3:6], nat[6:]
            if sysname == "orr":
                return wpick(rng, [(f"({a}) {b}-{c}", 50), (f"{a}-{b}-{c}", 30), (nat, 12), (f"1-{a}-{b}-{c}", 5),
                                   (f"{a}.{b}.{c}", 3)])
            if sysname == "eagle":
                return nat if rng.random() < 0.85 else "1" + nat
            return f"+1{nat}" if rng.random() < 0.5 else f"({a}) {b}-{c}"
        if len(nat) == 8:
            h1, h2 = nat[:4], nat[4:]
        elif len(nat) == 11:              # Brazil: (33) 9xxxx-xxxx
            h1, h2 = f"({nat[:2]}) {nat[2:7]}", nat[7:]
        elif len(nat) == 10:              # Mexico: 3-3-4
            h1, h2 = f"{nat[:3]} {nat[3:6]}", nat[6:]
        else:                             # Romania / Ecuador: 3-3-3
            h1, h2 = f"{nat[:3]} {nat[3:6]}", nat[6:]
        if sysname == "orr":
            return wpick(rng, [(f"+{cc} {h1}-{h2}", 25), (f"{h1}-{h2}", 28), (f"{cc}{nat}", 10),
                               (f"011-{cc}-{h1}-{h2}", 15), (f"({cc}) {h1} {h2}", 10), (f"00{cc} {nat}", 10),
                               (f"{h1} {h2}", 2)])
        if sysname == "eagle":
            return wpick(rng, [(f"011{cc}{nat}", 40), (f"{cc}{nat}", 40), (nat, 20)])
        return wpick(rng, [(f"+{cc}{nat}", 50), (f"+{cc} {h1} {h2}", 30), (f"{h1}-{h2}", 20)])

    def phones_cell(self, nums, sysname, empty_fill_p):
        rng, nz = self.rng, self.nz
        out, seen = [], set()
        for n in nums:
            if n is None:
                continue
            if isinstance(n, str):       # already-formatted shared / institutional number
                s = n
            else:
                s = self.fmt_phone(n, sysname)
            if s not in seen:
                seen.add(s)
                out.append(s)
        if not out:
            if rng.random() < empty_fill_p:
                return F.PLACEHOLDER_PHONES[rng.randrange(len(F.PLACEHOLDER_PHONES))] if sysname != "eagle" else "NONE"
            return ""
        if sysname == "orr" and len(out) > 1 and rng.random() < nz.p(0.05):
            return " / ".join(out)
        return (";" if sysname == "eagle" else "; ").join(out)

    def inst(self, num10, sysname):
        """Format a US institutional number (hotline, consulate, NGO)."""
        if len(num10) == 11:   # foreign fictional centre: 502xxxxxxxx
            return self.fmt_phone((num10[:3], num10[3:]), sysname)
        return self.fmt_phone(("1", num10), sysname)

    # ---------------------------------------------------------- country, language, places
    def country(self, code, sysname):
        rng, nz = self.rng, self.nz
        if rng.random() < nz.p(0.008):
            code = "MX"           # claimed / recorded as Mexican
        en, es, iso3, caps, miss, extra = F.COUNTRIES[code]
        if sysname == "orr":
            v = wpick(rng, [(en, 62), (es, 10), (code, 5), (caps[rng.randrange(len(caps))], 3 * nz.k),
                            (miss[rng.randrange(len(miss))], 4 * nz.k), (iso3, 2)])
            return v.upper() if rng.random() < 0.15 else v
        if sysname == "eagle":
            v = wpick(rng, [(en, 88), (code, 4), (miss[rng.randrange(len(miss))], 2 * nz.k),
                            ((extra or [iso3])[0], 3)])
            return strip_accents(v).upper()
        return wpick(rng, [(iso3, 45), (code, 20), (en, 28), (es, 5), (caps[0], nz.k), (miss[0], nz.k)])

    def language(self, langs, sysname):
        rng = self.rng
        if sysname == "eagle":
            return F.LANGUAGES[langs[0]][2]
        if sysname == "earm":
            if rng.random() < 0.3:
                return "; ".join(F.LANGUAGES[x][3] for x in langs)
            return "; ".join(F.LANGUAGES[x][0] for x in langs)
        if rng.random() < 0.35 and "Spanish" in langs:
            return "Spanish"
        if rng.random() < 0.05:
            return ""
        return "; ".join(F.LANGUAGES[x][1][rng.randrange(len(F.LANGUAGES[x][1]))] for x in langs)

    def appr_place(self, g, sysname):
        rng, nz = self.rng, self.nz
        if rng.random() < nz.p(0.03):
            return ""
        sec = g["sector"]
        secname = F.SECTORS[sec][0]
        if g["poe"]:
            name, city, st = g["poe"]
            sname = name
        else:
            sname, city, st, _ = g["station"]
        if rng.random() < nz.p(0.02):
            city = typo(city, rng)
        if sysname == "orr":
            opts = [(f"{city}, {st}", 35), (f"{sname} Station" if not g["poe"] else sname, 25),
                    (f"{secname} Sector", 12), (sec, 8), (f"{sec} - {sname}", 10)]
            if sec in F.PROCESSING_CENTRES and not g["poe"]:
                pcs = F.PROCESSING_CENTRES[sec]
                opts.append((pcs[rng.randrange(len(pcs))], 10))
            return wpick(rng, opts)
        if sysname == "eagle":
            return strip_accents(wpick(rng, [(f"{sec} - {sname}", 55), (f"{sname} STATION" if not g["poe"] else sname, 25),
                                             (sec, 10), (f"{sname}, {st}", 10)])).upper()
        return wpick(rng, [(f"{city}, {st}", 35), (f"{secname} Sector", 25), (sec, 15),
                           (f"{sec}/{sname} Station" if not g["poe"] else f"{sec}/{sname}", 15),
                           (f"{sname} Station" if not g["poe"] else sname, 10)])

    def shelter(self, s):
        rng = self.rng
        name, city, st, _ = s
        if name.startswith("Southwest Key") and rng.random() < 0.3:
            name = "SWK" + name[len("Southwest Key"):]
        return wpick(rng, [(name, 40), (f"{name}, {city}, {st}", 35), (f"{name} ({city} {st})", 25)])

    def facility(self, f, sysname):
        rng = self.rng
        name, code = f[0], f[1]
        if sysname == "eagle":
            short = (name.replace("Service Processing Center", "SPC").replace("Detention Center", "DC")
                     .replace("Detention Facility", "DF").replace("Correctional Center", "CC")
                     .replace("Processing Center", "PC"))
            return wpick(rng, [(f"{code} - {short}".upper(), 50), (name.upper(), 35), (short.upper(), 15)])
        return wpick(rng, [(name, 60), (f"{name}, {f[2]}, {f[3]}", 40)])

    def home_place(self, h):
        rng, nz = self.rng, self.nz
        c = h["country"]
        if c not in F.DEPARTMENTS:
            en = F.COUNTRIES[c][0]
            return wpick(rng, [(f"{h['muni']}, {h['dept']}, {en}", 50), (f"{h['muni']}, {h['dept']}", 50)])
        vil = h["village"]
        if rng.random() < nz.p(0.15):
            kind, _, nm = vil.partition(" ")
            nm = maya_variant(nm, rng) if rng.random() < 0.5 else phonetic(nm, rng)
            vil = kind + " " + nm
        if rng.random() < 0.2:
            vil = vil.partition(" ")[2]          # without "Aldea"
        dept = h["dept"]
        if dept in F.DEPT_SHORT and rng.random() < nz.p(0.15):
            dept = F.DEPT_SHORT[dept]
        muni = h["muni"]
        parts = [vil, muni, dept]
        if rng.random() < nz.p(0.12):
            parts = [vil, dept]
        if rng.random() < 0.25:
            parts.append(F.COUNTRIES[c][1])
        s = ", ".join(parts)
        return strip_accents(s) if rng.random() < 0.4 else s


# ============================================================ list builders
ROLE_WORDS = {
    "mother": (["Mother", "mother", "Mom", "MOTHER"], ["Madre", "mamá", "Mamá", "mami"]),
    "father": (["Father", "father", "Dad", "FATHER"], ["Padre", "papá", "Papá", "papi"]),
    "grandmother": (["Grandmother", "grandma", "Maternal grandmother"], ["Abuela", "abuelita"]),
    "grandfather": (["Grandfather", "grandpa"], ["Abuelo", "abuelito"]),
    "aunt": (["Aunt", "aunt"], ["Tía", "tía"]), "uncle": (["Uncle", "uncle"], ["Tío", "tío"]),
    "brother": (["Brother", "adult brother"], ["Hermano"]), "sister": (["Sister", "adult sister"], ["Hermana"]),
    "cousin": (["Cousin", "cousin"], ["Primo", "Prima"]),
    "guardian": (["Legal guardian", "Guardian", "Godparent"], ["Tutor", "Madrina", "Padrino"]),
    "family friend": (["Family friend"], ["Amigo de la familia"]),
}


def role_word(rng, role, spanish=None):
    en, es = ROLE_WORDS[role]
    use_es = rng.random() < 0.35 if spanish is None else spanish
    lst = es if use_es else en
    return lst[rng.randrange(len(lst))]
