"""The simulated world: people, families, apprehensions, custody."""

from common import *  # noqa: F401,F403  (the generator's shared helpers and facts)

class Person:
    __slots__ = ("pid", "sex", "given", "sur", "married", "dob", "dob_unknown", "country", "culture",
                 "langs", "role", "phone", "anum", "prior_anum", "home")

    def age(self, at=LIST_DATE):
        return (at - self.dob).days // 365


class World:
    def __init__(self, seed, noise):
        self.rng = random.Random(f"indep-gen:{seed}")
        self.nz = Noise(noise)
        self.sur = surname_pickers()
        self.pid = 0
        self.used_anum = set()
        self.used_phone = set()
        self.dept_names = self._dept_names()
        self.dept_w = {c: W([(k, v[0]) for k, v in F.DEPARTMENTS[c].items()]) for c in F.DEPARTMENTS}
        self.muni = {c: {k: [m.strip() for m in v[3].split(",")] for k, v in F.DEPARTMENTS[c].items()}
                     for c in F.DEPARTMENTS}
        self.given = {
            ("M", "adult"): W(F.MALE_ADULT), ("F", "adult"): W(F.FEMALE_ADULT),
            ("M", "child"): W(F.MALE_CHILD), ("F", "child"): W(F.FEMALE_CHILD),
            ("M", "maya"): W(F.MALE_MAYA), ("F", "maya"): W(F.FEMALE_MAYA),
        }
        self.maria2 = W(F.MARIA_SECOND)
        self.sector_w = W([(k, v[1]) for k, v in F.SECTORS.items()])
        self.station_w = {k: W([(s, s[3]) for s in v[2]]) for k, v in F.SECTORS.items()}
        self.detention_by_sector = {k: [d for d in F.DETENTION if k in d[4].split()] for k in F.SECTORS}
        self.shelter_w = W([(s, 3.0 if s[2] == "TX" else (2.0 if s[2] == "AZ" else 1.0)) for s in F.SHELTERS])
        self.city_w = W([(c, c[3]) for c in F.US_CITIES])
        # apprehension dates: zero-tolerance surge in May-June 2018
        days, d = [], WINDOW_START
        while d <= WINDOW_END:
            w = 1.0 if d < D(2018, 4, 1) else (3.0 if d < D(2018, 5, 5) else 8.0)
            days.append((d, w))
            d += TD(days=1)
        self.date_w = W(days)
        self.shelter_phone = {s[0]: self.new_us_phone(s[3]) for s in F.SHELTERS}
        self.facility_phone = {f[0]: self.new_us_phone(f[5]) for f in F.DETENTION}
        self.group = None
        self.group_left = 0
        self.booking_seq = {}

    # ---------------------------------------------------------- basic draws
    def _dept_names(self):
        names = {c: dict(v) for c, v in F.DEPT_NAMES.items()}
        try:
            with open(ISO_JSON, encoding="utf-8") as fh:
                for e in json.load(fh)["3166-2"]:
                    c, _, k = e["code"].partition("-")
                    if c in names and k in names[c]:
                        names[c][k] = e["name"]
        except (OSError, ValueError, KeyError):
            pass
        return names

    def new_pid(self):
        self.pid += 1
        return "P%07d" % self.pid

    def new_phone(self, country, mobile=True):
        rng = self.rng
        cc, n, leads = F.PHONE_PLAN[country]
        while True:
            if mobile or country not in F.LANDLINE_LEAD:
                lead = leads[rng.randrange(len(leads))]
            else:
                lead = F.LANDLINE_LEAD[country][rng.randrange(len(F.LANDLINE_LEAD[country]))]
            if country == "BR":   # area code + 9xxxx-xxxx
                nat = rng.choice(["33", "31", "27", "48", "62"]) + "9" + "%08d" % rng.randrange(10 ** 8)
            else:
                nat = lead + "%0*d" % (n - 1, rng.randrange(10 ** (n - 1)))
            key = cc + nat
            if key not in self.used_phone:
                self.used_phone.add(key)
                return (cc, nat)

    def new_us_phone(self, area):
        rng = self.rng
        while True:
            nat = area + str(rng.randrange(2, 10)) + "%02d" % rng.randrange(100) + "%04d" % rng.randrange(10000)
            if nat[3:6] == "555":
                continue
            if "1" + nat not in self.used_phone:
                self.used_phone.add("1" + nat)
                return ("1", nat)

    def us_relative_phone(self):
        city = self.city_w.pick(self.rng)
        areas = city[2].split()
        return city, self.new_us_phone(areas[self.rng.randrange(len(areas))])

    def new_anum(self, when=None):
        rng = self.rng
        if when is None:
            base = 208_000_000 + rng.randrange(9_000_000)
        else:
            base = 208_000_000 + (when - WINDOW_START).days * 14_000 + rng.randrange(13_000)
        while base in self.used_anum:
            base += 1
        self.used_anum.add(base)
        return base

    def old_anum(self):
        rng = self.rng
        while True:
            a = rng.randrange(70_000_000, 100_000_000) if rng.random() < 0.6 else rng.randrange(200_000_000, 207_000_000)
            if a not in self.used_anum:
                self.used_anum.add(a)
                return a

    def make_home(self, country):
        rng = self.rng
        h = {"country": country, "dept": None, "muni": None, "village": None, "maya_share": 0.0, "maya_langs": []}
        if country in F.DEPARTMENTS:
            code = self.dept_w[country].pick(rng)
            wt, share, langs, _ = F.DEPARTMENTS[country][code]
            h["dept_code"] = code
            h["dept"] = self.dept_names[country][code]
            h["muni"] = rng.choice(self.muni[country][code])
            h["maya_share"], h["maya_langs"] = share, langs
            kind = rng.choice(F.VILLAGE_KIND[country])
            if country == "GT" and rng.random() < share:
                name = rng.choice(F.MAYA_PLACE_PRE) + rng.choice(F.MAYA_PLACE_SUF)
                name = cap_first(name.replace("''", "'"))
            else:
                name = rng.choice(F.VILLAGE_ES)
            h["village"] = kind + " " + name
        else:
            places = {"MX": F.MX_PLACES, "BR": F.BR_PLACES, "RO": F.RO_PLACES, "EC": F.EC_PLACES}[country]
            h["muni"], h["dept"] = rng.choice(places)
        return h

    def make_given(self, sex, gen, culture, maya):
        rng = self.rng
        # Brazilian and Romanian given names: (men's, women's, share with a second name).
        other = {"br": (F.BR_MALE, F.BR_FEMALE, 0.45), "ro": (F.RO_MALE, F.RO_FEMALE, 0.2)}.get(culture)
        if other:
            pool = other[0] if sex == "M" else other[1]
            g = [rng.choice(pool)]
            if rng.random() < other[2]:
                g.append(rng.choice([x for x in pool if x != g[0]]))
            return g
        key = (sex, "maya" if (maya and gen == "adult" and rng.random() < 0.45) else gen)
        first = self.given[key].pick(rng)
        g = [first]
        p2 = 0.55 if gen == "adult" else 0.5
        if first == "María" and sex == "F":
            p2 = 0.85
        if rng.random() < p2:
            if first == "María" and rng.random() < 0.6:
                g.append(self.maria2.pick(rng))
            else:
                for _ in range(4):
                    s = self.given[(sex, gen)].pick(rng)
                    if s != first:
                        g.append(s)
                        break
        return g

    def make_surname(self, country, maya_lang):
        rng = self.rng
        if maya_lang and maya_lang in F.MAYA_SURNAMES and rng.random() < 0.55:
            return rng.choice(F.MAYA_SURNAMES[maya_lang])
        if country == "BR":
            return rng.choice(F.BR_SURNAMES)
        if country == "RO":
            return rng.choice(F.RO_SURNAMES)
        return self.sur.get(country, self.sur["GT"]).pick(rng)

    def person(self, sex, age, fam, gen="adult", sur=None, given=None):
        rng = self.rng
        p = Person()
        p.pid = self.new_pid()
        p.sex = sex
        p.culture = fam["culture"]
        p.country = fam["country"]
        p.given = given or self.make_given(sex, gen, fam["culture"], fam["maya_lang"] is not None)
        if sur is None:
            if fam["culture"] == "ro":
                sur = [self.make_surname(fam["country"], None)]
            else:
                sur = [self.make_surname(fam["country"], fam["maya_lang"]),
                       self.make_surname(fam["country"], fam["maya_lang"])]
        p.sur = list(sur)
        p.married = None
        age = max(0, min(85, age))
        p.dob = LIST_DATE - TD(days=int(age * 365.25 + rng.randrange(365)))
        p.dob_unknown = rng.random() < ((0.15 if age < 5 else 0.05) if gen == "child" else 0.03)
        p.langs = list(fam["langs"])
        p.role = None
        p.phone = self.new_phone(fam["country"]) if rng.random() < 0.8 else None
        p.anum = None
        p.prior_anum = None
        p.home = fam["home"]
        return p

    # ---------------------------------------------------------- apprehension events
    def next_group(self, force_new=False):
        rng = self.rng
        if force_new or self.group is None or self.group_left <= 0:
            sec = self.sector_w.pick(rng)
            g = {"date": self.date_w.pick(rng), "sector": sec, "poe": None, "station": None}
            if rng.random() < 0.12:
                g["poe"] = rng.choice(F.SECTORS[sec][3])
            else:
                g["station"] = self.station_w[sec].pick(rng)
            self.group = g
            self.group_left = 1 + int(rng.expovariate(1 / 2.0))
        self.group_left -= 1
        return self.group

    # ---------------------------------------------------------- families
    def child_ages(self, n):
        rng = self.rng
        a0 = wpick(rng, [(rng.randrange(0, 5), 8), (rng.randrange(5, 10), 30),
                         (rng.randrange(10, 15), 35), (rng.randrange(15, 18), 27)])
        ages = [a0]
        for _ in range(n - 1):
            ages.append(max(0, min(17, ages[-1] + rng.choice([-1, 1]) * rng.randrange(1, 6))))
        return ages

    def family(self, fid, recent, uac=False):
        rng, nz = self.rng, self.nz
        kin = recent[rng.randrange(len(recent))] if (recent and not uac and rng.random() < 0.05) else None
        if kin:
            country, home = kin["country"], kin["home"]
        else:
            country = COUNTRY_W.pick(rng)
            home = self.make_home(country)
        culture = {"BR": "br", "RO": "ro"}.get(country, "hisp")
        maya_lang = None
        if country == "GT" and home["maya_langs"] and rng.random() < home["maya_share"]:
            maya_lang = rng.choice(home["maya_langs"])
        if kin:
            maya_lang = kin["maya_lang"]
        langs = []
        if maya_lang:
            langs.append(maya_lang)
            if rng.random() < 0.5:
                langs.append("Spanish")
        elif country == "HN" and home.get("dept_code") in ("AT", "CL", "GD") and rng.random() < 0.15:
            langs = ["Garifuna" if home.get("dept_code") != "GD" else "Miskito", "Spanish"]
        elif culture == "br":
            langs = ["Portuguese"]
        elif culture == "ro":
            langs = ["Romani", "Romanian"] if rng.random() < 0.6 else ["Romanian"]
        else:
            langs = ["Spanish"]
        fam = {"fid": fid, "country": country, "home": home, "culture": culture, "maya_lang": maya_lang,
               "langs": langs, "uac": uac}

        n = wpick(rng, [(1, 75), (2, 18), (3, 5), (4, 2)]) if not uac else (1 if rng.random() < 0.88 else 2)
        ages = self.child_ages(n) if not uac else [rng.randrange(12, 18) for _ in range(n)]
        oldest = max(ages)
        m_age = max(18, oldest + rng.randrange(16, 32))
        f_age = max(18, oldest + 17, m_age + int(rng.gauss(3, 3)))
        father = self.person("M", f_age, fam)
        mother = self.person("F", m_age, fam)
        single = culture == "hisp" and rng.random() < 0.12
        if culture == "ro":
            mother.sur = list(father.sur) if rng.random() < 0.95 else mother.sur
        elif culture == "br" and rng.random() < 0.6:
            mother.sur = [mother.sur[1], father.sur[-1]]
        elif culture == "hisp" and not single and rng.random() < 0.3:
            mother.married = father.sur[0]

        # who was separated from the children
        if uac:
            sep = "none"
        else:
            sep = wpick(rng, [("mother", 42), ("father", 47), ("both", 4), ("grandmother", 2), ("grandfather", 1),
                              ("aunt", 1.5), ("uncle", 1.5), ("sibling", 1), ("cousin", 0.5), ("guardian", 2)])
            if single and sep in ("father", "both"):
                sep = "mother"
        if kin and sep in ("mother", "father", "both"):
            tgt = mother if sep == "mother" else father
            ka = kin["adults"][0][0] if kin["adults"] else None
            if ka is not None and culture == "hisp" and ka.culture == "hisp":
                tgt.sur = list(ka.sur)          # siblings: same two surnames
                if sep == "mother" and not single and rng.random() < 0.3:
                    mother.married = father.sur[0]

        # children
        kids = []
        for a in ages:
            sex = "M" if rng.random() < 0.55 else "F"
            if culture == "ro":
                sur = [father.sur[0]]
            elif culture == "br":
                sur = [mother.sur[-1] if mother.sur[-1] != father.sur[-1] else mother.sur[0], father.sur[-1]]
            elif single:
                sur = [mother.sur[0], mother.sur[1]]
            else:
                sur = [father.sur[0], mother.sur[0]]
            c = self.person(sex, a, fam, gen="child", sur=sur)
            if maya_lang and a >= 4:
                c.langs = [maya_lang] + (["Spanish"] if rng.random() < 0.6 else [])
            kids.append(c)
        for c in kids:
            c.role = "child"
        father.role, mother.role = "father", "mother"

        adults = []   # (person, relationship label for truth, fine role)
        if sep in ("mother", "both"):
            adults.append((mother, "mother", "mother"))
        if sep in ("father", "both"):
            adults.append((father, "father", "father"))
        if sep in ("grandmother", "grandfather"):
            side = mother if (single or rng.random() < 0.6) else father
            sx = "F" if sep == "grandmother" else "M"
            first = side.sur[1] if (sx == "F" and len(side.sur) > 1) else side.sur[0]
            g = self.person(sx, side.age() + rng.randrange(18, 30), fam,
                            sur=[first] if culture == "ro" else [first, self.make_surname(country, maya_lang)])
            g.role = sep
            adults.append((g, "other_relative", sep))
        if sep in ("aunt", "uncle"):
            side = mother if (single or rng.random() < 0.55) else father
            sx = "F" if sep == "aunt" else "M"
            a = self.person(sx, rng.randrange(max(20, oldest + 8), 56), fam, sur=list(side.sur))
            a.role = sep
            adults.append((a, "other_relative", sep))
        if sep == "sibling":
            sx = "M" if rng.random() < 0.6 else "F"
            sur = list(kids[0].sur) if rng.random() < 0.7 else ([self.make_surname(country, maya_lang)] + kids[0].sur[1:])
            s = self.person(sx, rng.randrange(18, 25), fam, sur=sur)
            s.role = "brother" if sx == "M" else "sister"
            adults.append((s, "other_relative", s.role))
        if sep == "cousin":
            sx = "M" if rng.random() < 0.6 else "F"
            s = self.person(sx, rng.randrange(18, 31), fam,
                            sur=[kids[0].sur[0], self.make_surname(country, maya_lang)][:len(kids[0].sur)])
            s.role = "cousin"
            adults.append((s, "other_relative", "cousin"))
        if sep == "guardian":
            sx = "F" if rng.random() < 0.6 else "M"
            s = self.person(sx, rng.randrange(22, 61), fam)
            s.role = "guardian"
            adults.append((s, "legal_guardian", "guardian"))

        # contact numbers
        fam["home_rel_phone"] = self.new_phone(country, mobile=rng.random() < 0.6) if rng.random() < 0.6 else None
        if kin and kin.get("sponsor") and rng.random() < 0.75:
            fam["sponsor"] = kin["sponsor"]
        elif rng.random() < (0.7 if not uac else 0.9):
            city, ph = self.us_relative_phone()
            base = mother if rng.random() < 0.5 else father
            rel = rng.choice(["uncle", "aunt", "uncle", "cousin", "brother", "sister", "family friend"])
            sx = "F" if rel in ("aunt", "sister") else ("M" if rel != "cousin" else rng.choice("MF"))
            if rel in ("brother", "sister"):
                sur = list(kids[0].sur)
            elif rel == "family friend":
                sur = None
            else:
                sur = list(base.sur)
            sp = self.person(sx, rng.randrange(22, 50), fam, sur=sur)
            fam["sponsor"] = {"person": sp, "rel": rel, "city": city, "phone": ph}
        else:
            fam["sponsor"] = None

        # apprehension and processing
        if kin and rng.random() < 0.8:
            grp = kin["group"]
        else:
            grp = self.next_group()
        fam["group"] = grp
        together = rng.random() < 0.45
        base = self.new_anum(grp["date"])
        for i, (a, _, _) in enumerate(adults):
            if rng.random() < 0.12:
                a.anum = self.old_anum()
                a.prior_anum = True
            elif together and i == 0:
                a.anum = base
            else:
                a.anum = self.new_anum(grp["date"])
        for j, c in enumerate(kids):
            cand = base + 1 + j
            if together and cand not in self.used_anum:
                self.used_anum.add(cand)
                c.anum = cand
            else:
                c.anum = self.new_anum(grp["date"])
        fam.update(father=father, mother=mother, single=single, kids=kids, adults=adults, sep=sep)
        return fam

    def loner(self):
        """A single adult detained at the same time and places (no separated child)."""
        rng = self.rng
        country = COUNTRY_W.pick(rng)
        home = self.make_home(country)
        culture = {"BR": "br", "RO": "ro"}.get(country, "hisp")
        ml = rng.choice(home["maya_langs"]) if (country == "GT" and home["maya_langs"] and
                                                rng.random() < home["maya_share"]) else None
        fam = {"fid": None, "country": country, "home": home, "culture": culture, "maya_lang": ml,
               "langs": [ml] if ml else ({"br": ["Portuguese"], "ro": ["Romanian"]}.get(culture, ["Spanish"])),
               "uac": False, "sponsor": None, "home_rel_phone": None}
        p = self.person("M" if rng.random() < 0.7 else "F", rng.randrange(18, 50), fam)
        p.role = "loner"
        p.anum = self.old_anum() if rng.random() < 0.2 else self.new_anum()
        fam["group"] = self.next_group()
        fam["kids"] = []
        fam["adults"] = [(p, None, "loner")]
        fam["father"] = fam["mother"] = None
        fam["single"] = False
        return fam


# ============================================================ rendering
