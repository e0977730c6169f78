"""Builds the lists and the truth files from a world and its renderers."""

from common import *  # noqa: F401,F403  (the generator's shared helpers and facts)
from render import *  # noqa: F401,F403
from world import *  # noqa: F401,F403

CHILD_COLS = ["record_id", "last name", "first name", "sex", "DOB", "nationality", "A#", "phones", "language",
              "apprehension_date", "apprehension_place", "location", "status", "reported_relatives", "intake_date"]
ADULT_COLS = ["record_id", "system", "full_name", "sex", "date_of_birth", "country", "a_number", "phones", "language",
              "apprehension_date", "apprehension_place", "location", "status", "removal_date", "reported_relatives"]

class Builder:
    def __init__(self, world):
        self.w = world
        self.r = Renderer(world)
        self.rng = world.rng
        self.nz = world.nz
        self.children = []       # rows (dict)
        self.adults = []
        self.child_recs = {}     # pid -> [record ids]
        self.adult_recs = {}
        self.used_ids = set()

    def rid(self, prefix, digits):
        rng = self.rng
        while True:
            x = prefix + str(rng.randrange(10 ** (digits - 1), 10 ** digits))
            if x not in self.used_ids:
                self.used_ids.add(x)
                return x

    # ---------------------------------------------------------- children (ORR)
    def child_report(self, fam, c):
        rng, nz, r = self.rng, self.nz, self.r
        age = c.age()
        parts = []
        for (a, _, role) in fam["adults"][:2] if rng.random() < 0.6 else fam["adults"][:1]:
            mode, name = r.told_name(a, age)
            es = rng.random() < 0.35
            rw = role_word(rng, role if role in ROLE_WORDS else "guardian", es)
            if role == "cousin" and es:
                rw = "Primo" if a.sex == "M" else "Prima"
            if mode == "none":
                parts.append(rng.choice(["Unable to provide parent info", "UNK", "Child does not know",
                                         "No sabe", "Child too young to report"]))
                continue
            if mode == "role":
                parts.append(rng.choice([rw, f"came with {rw.lower()}", f"Vino con su {role_word(rng, role if role in ROLE_WORDS else 'guardian', True).lower()}",
                                         f"Child only says '{rw.lower()}'"]))
                continue
            tmpl = rng.randrange(6)
            if tmpl == 0:
                parts.append(f"{rw}: {name}")
            elif tmpl == 1:
                parts.append(f"{rw} {name}")
            elif tmpl == 2:
                parts.append(f"{rw} - {name} (separated at border)")
            elif tmpl == 3:
                parts.append(f"Child reports {rw.lower()} {name} was apprehended with {'him' if c.sex == 'M' else 'her'}")
            elif tmpl == 4:
                parts.append(f"{rw.upper()}: {strip_accents(name).upper()}")
            else:
                parts.append(f"{rw}: {name}, detained")
        # the other parent, at home
        if fam["sep"] in ("mother", "father") and not fam["single"] and rng.random() < 0.25:
            other = fam["father"] if fam["sep"] == "mother" else fam["mother"]
            mode, name = r.told_name(other, age)
            where = rng.choice([F.COUNTRIES[fam["country"]][1], fam["home"]["muni"] or "", "home country"])
            rw = role_word(rng, other.role)
            parts.append(f"{rw} {name} in {where}".replace("  ", " "))
        sp = fam.get("sponsor")
        if sp and rng.random() < 0.35:
            mode, name = r.told_name(sp["person"], max(age, 12))
            rw = role_word(rng, sp["rel"])
            txt = f"Sponsor: {rw} {name} ({sp['city'][0]}, {sp['city'][1]})"
            if rng.random() < 0.15:
                txt += " tel " + r.fmt_phone(sp["phone"], "orr")
            parts.append(txt)
        if fam["uac"]:
            parts = []
            for par in (fam["mother"], fam["father"]):
                if par is None or rng.random() < 0.4:
                    continue
                mode, name = r.told_name(par, age)
                parts.append(f"{role_word(rng, par.role)} {name} in {F.COUNTRIES[fam['country']][0]}".replace("  ", " "))
            if sp and rng.random() < 0.6:
                mode, name = r.told_name(sp["person"], 14)
                parts.append(f"Sponsor: {role_word(rng, sp['rel'])} {name} ({sp['city'][0]}, {sp['city'][1]})")
            parts.append(rng.choice(["UAC", "Unaccompanied", "", ""]))
        return "; ".join(x for x in parts if x)

    def child_record(self, fam, c, shelter, intake, status):
        rng, nz, r, w = self.rng, self.nz, self.r, self.w
        first, last = r.orr_name(c)
        sexv = wpick(rng, [(("Male", "Female"), 60), (("M", "F"), 30), (("niño", "niña"), 5), (("masculino", "femenino"), 5)])
        sx = c.sex if rng.random() > nz.p(0.005) else ("F" if c.sex == "M" else "M")
        dob, est = shift_dob(c, rng, nz)
        dob_s = "" if rng.random() < nz.p(0.01) else fmt_mdy(dob, rng, 0.6)
        an = c.anum
        if rng.random() < nz.p(0.06):
            a_s = ""
        else:
            if rng.random() < nz.p(0.012):
                s9 = "%09d" % an
                i = rng.randrange(3, 9)
                an = int(s9[:i] + str(rng.randrange(10)) + s9[i + 1:])
            s9 = "%09d" % an
            a_s = wpick(rng, [("A" + s9, 40), (f"{s9[:3]}-{s9[3:6]}-{s9[6:]}", 25), (s9, 20),
                              (f"A {s9[:3]} {s9[3:6]} {s9[6:]}", 10), (f"A#{s9}", 5)])
        g = fam["group"]
        rd = rng.random()
        ad = g["date"] if rd < 0.65 else (g["date"] + TD(days=1) if rd < 0.85 else intake)
        nums = []
        sp = fam.get("sponsor")
        if sp and rng.random() < 0.6:
            nums.append(sp["phone"])
        for (a, _, _) in fam["adults"]:
            if a.phone and rng.random() < (0.35 if c.age() >= 10 else 0.15):
                nums.append(a.phone)
        if fam.get("home_rel_phone") and rng.random() < 0.25:
            nums.append(fam["home_rel_phone"])
        if fam["uac"]:
            for par in (fam["mother"], fam["father"]):
                if par and par.phone and rng.random() < 0.3:
                    nums.append(par.phone)
        if rng.random() < nz.p(0.12):
            nums.append(r.fmt_phone(w.shelter_phone[shelter[0]], "orr"))
        if rng.random() < nz.p(0.03):
            nums.append(r.inst(F.HOTLINES[0][1], "orr"))
        if rng.random() < nz.p(0.02):
            nums.append(r.inst(F.NGOS[rng.randrange(len(F.NGOS))][1], "orr"))
        if rng.random() < nz.p(0.015):
            cons = [x for x in F.CONSULATES if x[1] == fam["country"]] or F.CONSULATES
            nums.append(r.inst(cons[rng.randrange(len(cons))][2], "orr"))
        rid = self.rid("UAC", 7)
        row = {
            "record_id": rid, "last name": last, "first name": first,
            "sex": sexv[0] if sx == "M" else sexv[1], "DOB": dob_s,
            "nationality": r.country(c.country, "orr"), "A#": a_s,
            "phones": r.phones_cell(nums, "orr", 0.4), "language": r.language(c.langs, "orr"),
            "apprehension_date": "" if rng.random() < nz.p(0.02) else fmt_mdy(ad, rng, 0.6),
            "apprehension_place": r.appr_place(g, "orr"), "location": r.shelter(shelter), "status": status,
            "reported_relatives": self.child_report(fam, c), "intake_date": fmt_mdy(intake, rng, 0.6),
        }
        self.children.append([row[k] for k in CHILD_COLS])
        self.child_recs.setdefault(c.pid, []).append(rid)

    def children_of(self, fam):
        rng, nz, w = self.rng, self.nz, self.w
        g = fam["group"]
        for c in fam["kids"]:
            if not fam["uac"] and rng.random() < nz.p(0.02):
                continue        # discharged before the list was drawn up
            intake = g["date"] + TD(days=rng.choice([1, 1, 2, 2, 3, 4, 5]))
            shelter = w.shelter_w.pick(rng)
            days = (LIST_DATE - intake).days
            pdis = 0.55 if days > 60 else (0.25 if days > 20 else 0.05)
            if rng.random() < nz.p(0.075):          # transfer between shelters / re-intake
                t = intake + TD(days=rng.randrange(3, max(4, min(40, days))))
                self.child_record(fam, c, shelter, intake, "discharged")
                sh2 = w.shelter_w.pick(rng)
                self.child_record(fam, c, sh2, t, "discharged" if rng.random() < pdis * 0.6 else "in_care")
            else:
                self.child_record(fam, c, shelter, intake, "discharged" if rng.random() < pdis else "in_care")

    # ---------------------------------------------------------- adults (ICE)
    def adult_nums(self, fam, a, sysname, removed):
        rng, nz, r = self.rng, self.nz, self.r
        nums = []
        if a.phone and rng.random() < (0.55 if sysname == "eagle" else 0.4):
            nums.append(a.phone)
        if sysname == "earm" and removed and rng.random() < 0.3:
            nums.append(self.w.new_phone(a.country))           # new number after return
        sp = fam.get("sponsor")
        if sp and rng.random() < (0.4 if sysname == "eagle" else 0.3):
            nums.append(sp["phone"])
        if fam.get("home_rel_phone") and rng.random() < 0.25:
            nums.append(fam["home_rel_phone"])
        if fam["adults"] and len(fam["adults"]) > 1 and rng.random() < 0.15:
            o = fam["adults"][1][0] if fam["adults"][0][0] is a else fam["adults"][0][0]
            if o.phone:
                nums.append(o.phone)
        if rng.random() < nz.p(0.04):
            cons = [x for x in F.CONSULATES if x[1] == a.country] or F.CONSULATES
            nums.append(r.inst(cons[rng.randrange(len(cons))][2], sysname))
        if rng.random() < nz.p(0.025):
            nums.append(r.inst(F.NGOS[rng.randrange(len(F.NGOS))][1], sysname))
        if sysname == "earm" and rng.random() < nz.p(0.02):
            nums.append(r.inst(F.HOTLINES[1][1], sysname))
        return nums

    def adult_report(self, fam, a, role, sysname):
        rng, r = self.rng, self.r
        kids = fam["kids"]
        if not kids:
            if role == "loner" and rng.random() < 0.05:
                return "CLAIMS CHILDREN IN HOME COUNTRY" if sysname == "eagle" else "States has children in home country"
            return ""
        if rng.random() > (0.32 if sysname == "eagle" else 0.28):
            if role in ("mother", "father") and rng.random() < 0.04:
                return "FAMILY UNIT - SEPARATED" if sysname == "eagle" else "Family unit; minor(s) transferred to ORR"
            return ""
        out = []
        for c in kids:
            if rng.random() < 0.3 and out:
                continue
            if sysname == "eagle":
                rel = {"mother": "SON" if c.sex == "M" else "DAUGHTER", "father": "SON" if c.sex == "M" else "DAUGHTER"}.get(
                    role, {"grandmother": "GRANDCHILD", "grandfather": "GRANDCHILD", "aunt": "NEPHEW/NIECE",
                           "uncle": "NEPHEW/NIECE", "brother": "SIBLING", "sister": "SIBLING",
                           "cousin": "COUSIN", "guardian": "WARD"}.get(role, "MINOR"))
                out.append(f"UAC {rel}: {r.eagle_name(c)}")
            else:
                word = "Child" if role in ("mother", "father") else "Minor"
                if rng.random() < 0.3:
                    word = "Hijo" if c.sex == "M" else "Hija"
                out.append(f"{word}: {r.earm_name(c)} ({c.age()})" if rng.random() < 0.6 else f"{word}: {r.earm_name(c)}")
        return "; ".join(out)

    def adult_row(self, fam, a, role, sysname, anum, status, location, appr_s, removal):
        rng, nz, r = self.rng, self.nz, self.r
        w = self.w
        dob, est = shift_dob(a, rng, nz)
        if sysname == "eagle":
            rid = None
            name = r.eagle_name(a)
            sexs = a.sex
            dob_s = fmt_mdy(dob, rng)
            s9 = "%09d" % anum
            a_s = (str(anum) if anum < 100_000_000 else s9) if rng.random() < 0.85 else f"A{s9[:3]}-{s9[3:6]}-{s9[6:]}"
            removal_s = fmt_mdy(removal, rng) if removal else ""
        else:
            rid = self.rid("", 10)
            name = r.earm_name(a)
            sexs = "Male" if a.sex == "M" else "Female"
            dob_s = (str(dob.year) if (est and rng.random() < 0.5) else dob.isoformat())
            s9 = "%09d" % anum
            a_s = wpick(rng, [(f"A{s9[:3]}-{s9[3:6]}-{s9[6:]}", 40), ("A" + s9, 30), (f"A {s9[:3]} {s9[3:6]} {s9[6:]}", 20),
                              ("A" + str(anum), 10)])
            removal_s = removal.isoformat() if removal else ""
        if rng.random() < nz.p(0.01):
            dob_s = ""
        if sysname == "eagle" and rng.random() < nz.p(0.004):
            sexs = "F" if sexs == "M" else "M"
        nums = self.adult_nums(fam, a, sysname, status == "removed")
        return {
            "record_id": rid, "system": "EAGLE" if sysname == "eagle" else "EARM", "full_name": name,
            "sex": sexs, "date_of_birth": dob_s, "country": r.country(a.country, sysname), "a_number": a_s,
            "phones": r.phones_cell(nums, sysname, 0.5 if sysname == "eagle" else 0.15),
            "language": r.language(a.langs, sysname), "apprehension_date": appr_s,
            "apprehension_place": r.appr_place(fam["group"], sysname), "location": location,
            "status": status if sysname == "eagle" else status.capitalize(), "removal_date": removal_s,
            "reported_relatives": self.adult_report(fam, a, role, sysname),
        }

    def booking_id(self, fac, when):
        key = (fac[1], when.strftime("%y%m"))
        n = self.w.booking_seq.get(key)
        if n is None:
            n = self.rng.randrange(100, 900)
        n += 1 + (self.rng.randrange(3) == 0)
        self.w.booking_seq[key] = n
        rid = f"{fac[1]}{key[1]}{n:05d}"
        self.used_ids.add(rid)
        return rid

    def adults_of(self, fam):
        rng, nz, r, w = self.rng, self.nz, self.r, self.w
        g = fam["group"]
        for (a, _, role) in fam["adults"]:
            if role != "loner" and rng.random() < nz.p(0.04):
                continue      # still in criminal (US Marshals) custody / never booked by ICE
            zt = g["date"] >= D(2018, 5, 5)
            criminal = rng.random() < (0.35 if zt else 0.12)
            book = g["date"] + TD(days=rng.randrange(3, 26) if criminal else rng.choice([0, 0, 1, 1, 2, 3]))
            book = min(book, LIST_DATE - TD(days=1))
            days = (LIST_DATE - book).days
            pr = [("removed", 0.55), ("released", 0.2), ("detained", 0.25)] if days > 60 else (
                [("removed", 0.35), ("released", 0.2), ("detained", 0.45)] if days > 20 else
                [("removed", 0.1), ("released", 0.1), ("detained", 0.8)])
            status = wpick(rng, pr)
            removal = book + TD(days=rng.randrange(min(10, days - 1), max(min(10, days - 1) + 1, days))) if status == "removed" else None
            facs = w.detention_by_sector[g["sector"]] or F.DETENTION
            fac = facs[rng.randrange(len(facs))]
            transfer = rng.random() < nz.p(0.035)
            fac2 = F.DETENTION[rng.randrange(len(F.DETENTION))] if transfer else None
            p_eagle = 0.75
            p_earm = (0.25 if status == "removed" else 0.1) + (0.05 if nz.level == "high" else 0)
            has_e = rng.random() < p_eagle
            has_r = rng.random() < p_earm
            if not has_e and not has_r:
                has_e, has_r = (True, False) if rng.random() < 0.7 else (False, True)
            err_anum = rng.random() < nz.p(0.03)
            rows = []
            cur_fac = fac2 or fac
            if has_e:
                loc = r.facility(fac, "eagle")
                st = status if not transfer else ("detained" if rng.random() < 0.5 else "released")
                rows.append(("eagle", fac, book, st, loc))
                if transfer:
                    tday = book + TD(days=rng.randrange(1, max(2, min(30, days))))
                    rows.append(("eagle", fac2, tday, status, r.facility(fac2, "eagle")))
            if has_r:
                if status == "removed":
                    loc = r.home_place(a.home)
                elif status == "detained":
                    loc = r.facility(cur_fac, "earm")
                else:
                    sp = fam.get("sponsor")
                    city = sp["city"] if sp else w.city_w.pick(rng)
                    loc = f"{city[0]}, {city[1]}" if rng.random() < 0.6 else r.facility(cur_fac, "earm")
                rows.append(("earm", None, g["date"], status, loc))
            if err_anum and len(rows) == 1 and rng.random() < 0.5:
                # a second booking made under a newly issued A-number
                rows.append(("eagle", fac, book + TD(days=rng.randrange(0, 3)), status, r.facility(fac, "eagle")))
            err_idx = rng.randrange(len(rows)) if err_anum and len(rows) > 1 else -1
            err_num = w.new_anum(g["date"]) if err_idx >= 0 else None
            for i, (sysname, f_, when, st, loc) in enumerate(rows):
                anum = err_num if i == err_idx else a.anum
                if rng.random() < nz.p(0.01):
                    s9 = "%09d" % anum
                    j = rng.randrange(3, 9)
                    anum = int(s9[:j] + str(rng.randrange(10)) + s9[j + 1:])
                if sysname == "eagle":
                    appr_s = fmt_mdy(when, rng)
                else:
                    dd = when + TD(days=rng.choice([-1, 1])) if rng.random() < nz.p(0.08) else when
                    appr_s = dd.isoformat()
                if rng.random() < nz.p(0.02):
                    appr_s = ""
                row = self.adult_row(fam, a, role, sysname, anum, st, loc, appr_s,
                                     removal if st == "removed" else None)
                if sysname == "eagle":
                    row["record_id"] = self.booking_id(f_, when)
                self.adults.append([row[k] for k in ADULT_COLS])
                self.adult_recs.setdefault(a.pid, []).append(row["record_id"])


# ============================================================ main
