# -*- coding: utf-8 -*-
"""Place, border and institution facts for the independent generator: departments and
municipalities, Border Patrol sectors and stations, detention centres and shelters,
hotlines, consulates and NGOs, phone plans, countries and languages (see README.md
and facts.py, which holds the name facts and re-exports these)."""


# ---------------------------------------------------------------- places
# Departments (ISO 3166-2 codes) -> (weight, maya share, maya languages, municipalities).
DEPARTMENTS = {
    "GT": {
        "AV": (9, 0.9, ["Q'eqchi'", "Poqomchi'"], "Cobán, San Pedro Carchá, San Juan Chamelco, Chisec, Fray Bartolomé de las Casas, Lanquín, Senahú, Tactic, Tucurú, Panzós, Santa María Cahabón, Raxruhá, Chahal, Tamahú"),
        "BV": (3, 0.6, ["Achi", "Q'eqchi'"], "Salamá, Rabinal, Cubulco, San Jerónimo, Purulhá, Granados, El Chol, San Miguel Chicaj"),
        "CM": (5, 0.75, ["Kaqchikel"], "Chimaltenango, San Martín Jilotepeque, Tecpán Guatemala, Patzún, Patzicía, San Juan Comalapa, San José Poaquil, Santa Apolonia, Acatenango, Zaragoza, El Tejar"),
        "CQ": (3, 0.15, ["Ch'orti'"], "Chiquimula, Jocotán, Camotán, Olopa, Esquipulas, Quezaltepeque, San Juan Ermita"),
        "ES": (3, 0.05, [], "Escuintla, Santa Lucía Cotzumalguapa, Tiquisate, Masagua, La Gomera, Palín, Nueva Concepción, Puerto San José"),
        "GU": (6, 0.1, ["Kaqchikel"], "Guatemala, Mixco, Villa Nueva, San Juan Sacatepéquez, Chinautla, Villa Canales, Amatitlán, San Pedro Ayampuc, Palencia"),
        "HU": (15, 0.7, ["Mam", "Q'anjob'al", "Chuj", "Akateko"], "Huehuetenango, Chiantla, Todos Santos Cuchumatán, San Pedro Soloma, Santa Eulalia, San Mateo Ixtatán, Santa Cruz Barillas, Jacaltenango, San Miguel Acatán, Nentón, La Democracia, Cuilco, Colotenango, Aguacatán, San Juan Atitán, San Rafael La Independencia, Concepción Huista, San Antonio Huista"),
        "IZ": (2, 0.3, ["Q'eqchi'"], "Puerto Barrios, Morales, Los Amates, Livingston, El Estor"),
        "JA": (2, 0.05, [], "Jalapa, San Pedro Pinula, Monjas, Mataquescuintla, San Luis Jilotepeque"),
        "JU": (3, 0.0, [], "Jutiapa, Asunción Mita, El Progreso, Moyuta, Jalpatagua, Comapa, Jerez, Santa Catarina Mita"),
        "PE": (4, 0.3, ["Q'eqchi'"], "Flores, San Benito, La Libertad, Sayaxché, Poptún, San Luis, Las Cruces, Dolores, Melchor de Mencos"),
        "PR": (1.5, 0.0, [], "Guastatoya, Sanarate, San Agustín Acasaguastlán, Morazán, El Jícaro, Sansare"),
        "QC": (8, 0.85, ["K'iche'", "Ixil"], "Santa Cruz del Quiché, Chichicastenango, Santa María Nebaj, San Gaspar Chajul, San Juan Cotzal, Joyabaj, Zacualpa, Uspantán, Sacapulas, Cunén, Chiché, Chinique, Ixcán, San Pedro Jocopilas"),
        "QZ": (7, 0.5, ["K'iche'", "Mam"], "Quetzaltenango, Cantel, Olintepeque, Salcajá, Coatepeque, San Juan Ostuncalco, Almolonga, Zunil, Cabricán, Huitán, Concepción Chiquirichapa, Colomba, San Carlos Sija"),
        "RE": (1.5, 0.1, ["K'iche'"], "Retalhuleu, San Sebastián, Champerico, Nuevo San Carlos, San Felipe, El Asintal"),
        "SA": (2, 0.4, ["Kaqchikel"], "Antigua Guatemala, Ciudad Vieja, Jocotenango, San Lucas Sacatepéquez, Sumpango, Santa María de Jesús, Santiago Sacatepéquez"),
        "SM": (10, 0.4, ["Mam"], "San Marcos, San Pedro Sacatepéquez, Malacatán, Tejutla, Comitancillo, Tacaná, Sibinal, Ixchiguán, Concepción Tutuapa, San Miguel Ixtahuacán, Tajumulco, Sipacapa, Ayutla, El Tumbador"),
        "SO": (4, 0.9, ["K'iche'", "Kaqchikel", "Tz'utujil"], "Sololá, Panajachel, Santiago Atitlán, San Lucas Tolimán, Nahualá, Santa Catarina Ixtahuacán, San Pedro La Laguna, Santa Lucía Utatlán, Santa Clara La Laguna"),
        "SR": (2, 0.0, [], "Cuilapa, Barberena, Chiquimulilla, Taxisco, Santa Rosa de Lima, Oratorio, Nueva Santa Rosa"),
        "SU": (2, 0.35, ["K'iche'"], "Mazatenango, Chicacao, Patulul, Samayac, San Antonio Suchitepéquez, Cuyotenango, Santo Domingo Suchitepéquez"),
        "TO": (5, 0.95, ["K'iche'"], "Totonicapán, Momostenango, San Cristóbal Totonicapán, San Francisco El Alto, San Andrés Xecul, Santa María Chiquimula, Santa Lucía La Reforma, San Bartolo"),
        "ZA": (2, 0.0, [], "Zacapa, Gualán, Teculután, Río Hondo, Estanzuela, La Unión, Cabañas, Usumatlán, Huité"),
    },
    "HN": {
        "AT": (6, 0, [], "La Ceiba, Tela, El Porvenir, Jutiapa, La Masica, Esparta, Arizona, San Francisco"),
        "CH": (4, 0, [], "Choluteca, San Marcos de Colón, Pespire, El Triunfo, Namasigüe, Marcovia, Apacilagua, Orocuina"),
        "CL": (4, 0, [], "Trujillo, Tocoa, Sonaguera, Sabá, Bonito Oriental, Limón, Iriona"),
        "CM": (5, 0, [], "Comayagua, Siguatepeque, La Libertad, Ajuterique, Lamaní, Villa de San Antonio, San Jerónimo, Esquías, Minas de Oro"),
        "CP": (5, 0, [], "Santa Rosa de Copán, Copán Ruinas, Florida, Nueva Arcadia, Corquín, Dulce Nombre, Cucuyagua, La Unión"),
        "CR": (12, 0, [], "San Pedro Sula, Choloma, Villanueva, La Lima, Puerto Cortés, Omoa, Potrerillos, Pimienta, San Manuel, Santa Cruz de Yojoa"),
        "EP": (4, 0, [], "Danlí, El Paraíso, Yuscarán, Trojes, Teupasenti, Alauca, Morocelí"),
        "FM": (10, 0, [], "Distrito Central, Tegucigalpa, Comayagüela, Valle de Ángeles, Santa Lucía, Talanga, Ojojona, Sabanagrande, Guaimaca"),
        "GD": (1, 0, [], "Puerto Lempira, Brus Laguna, Ahuas, Wampusirpi, Juan Francisco Bulnes, Villeda Morales"),
        "IB": (0.5, 0, [], "Roatán, Utila, Guanaja, José Santos Guardiola"),
        "IN": (3, 0, [], "La Esperanza, Intibucá, Jesús de Otoro, Yamaranguila, San Juan, Camasca"),
        "LE": (3, 0, [], "Gracias, Erandique, Lepaera, La Campa, Belén, San Rafael, Candelaria"),
        "LP": (2, 0, [], "La Paz, Marcala, Santiago de Puringla, Chinacla, San Pedro de Tutule, Cane"),
        "OC": (2, 0, [], "Ocotepeque, Sinuapa, San Marcos, La Labor, Belén Gualcho, Lucerna"),
        "OL": (5, 0, [], "Juticalpa, Catacamas, Campamento, San Francisco de la Paz, Salamá, Guata, Patuca"),
        "SB": (5, 0, [], "Santa Bárbara, Quimistán, Trinidad, San Nicolás, Macuelizo, Azacualpa, Las Vegas, Ilama"),
        "VA": (2, 0, [], "Nacaome, San Lorenzo, Amapala, Goascorán, Langue, Aramecina, Alianza"),
        "YO": (8, 0, [], "Yoro, El Progreso, Olanchito, Morazán, Santa Rita, El Negrito, Victoria, Sulaco"),
    },
    "SV": {
        "AH": (4, 0, [], "Ahuachapán, Atiquizaya, Tacuba, Jujutla, San Francisco Menéndez, Concepción de Ataco, Apaneca, Guaymango"),
        "CA": (2, 0, [], "Sensuntepeque, Ilobasco, Victoria, Dolores, Guacotecti, Jutiapa"),
        "CH": (3, 0, [], "Chalatenango, Nueva Concepción, La Palma, Tejutla, Dulce Nombre de María, Agua Caliente, Citalá"),
        "CU": (2, 0, [], "Cojutepeque, Suchitoto, San Pedro Perulapán, San Rafael Cedros, Tenancingo"),
        "LI": (6, 0, [], "Santa Tecla, Colón, San Juan Opico, Quezaltepeque, La Libertad, Zaragoza, Comasagua"),
        "MO": (2, 0, [], "San Francisco Gotera, Jocoro, Perquín, Sociedad, Corinto, Osicala, Cacaopera"),
        "PA": (3, 0, [], "Zacatecoluca, Olocuilta, San Pedro Masahuat, San Luis Talpa, Santiago Nonualco"),
        "SA": (5, 0, [], "Santa Ana, Chalchuapa, Metapán, Coatepeque, El Congo, Candelaria de la Frontera"),
        "SM": (7, 0, [], "San Miguel, Chinameca, Ciudad Barrios, Chirilagua, Moncagua, El Tránsito, Lolotique"),
        "SO": (4, 0, [], "Sonsonate, Izalco, Nahuizalco, Acajutla, Armenia, Juayúa"),
        "SS": (10, 0, [], "San Salvador, Soyapango, Mejicanos, Apopa, Ilopango, Ciudad Delgado, Tonacatepeque, Panchimalco, Aguilares"),
        "SV": (2, 0, [], "San Vicente, Tecoluca, Apastepeque, San Sebastián, Verapaz"),
        "UN": (3, 0, [], "La Unión, Santa Rosa de Lima, Pasaquina, Conchagua, Anamorós, El Carmen"),
        "US": (6, 0, [], "Usulután, Jiquilisco, Santiago de María, Berlín, Jucuapa, Santa Elena, Alegría"),
    },
}
# Department names if the iso-codes JSON is missing.
DEPT_NAMES = {
    "GT": {"AV": "Alta Verapaz", "BV": "Baja Verapaz", "CM": "Chimaltenango", "CQ": "Chiquimula", "ES": "Escuintla",
           "GU": "Guatemala", "HU": "Huehuetenango", "IZ": "Izabal", "JA": "Jalapa", "JU": "Jutiapa", "PE": "Petén",
           "PR": "El Progreso", "QC": "Quiché", "QZ": "Quetzaltenango", "RE": "Retalhuleu", "SA": "Sacatepéquez",
           "SM": "San Marcos", "SO": "Sololá", "SR": "Santa Rosa", "SU": "Suchitepéquez", "TO": "Totonicapán",
           "ZA": "Zacapa"},
    "HN": {"AT": "Atlántida", "CH": "Choluteca", "CL": "Colón", "CM": "Comayagua", "CP": "Copán", "CR": "Cortés",
           "EP": "El Paraíso", "FM": "Francisco Morazán", "GD": "Gracias a Dios", "IB": "Islas de la Bahía",
           "IN": "Intibucá", "LE": "Lempira", "LP": "La Paz", "OC": "Ocotepeque", "OL": "Olancho",
           "SB": "Santa Bárbara", "VA": "Valle", "YO": "Yoro"},
    "SV": {"AH": "Ahuachapán", "CA": "Cabañas", "CH": "Chalatenango", "CU": "Cuscatlán", "LI": "La Libertad",
           "MO": "Morazán", "PA": "La Paz", "SA": "Santa Ana", "SM": "San Miguel", "SO": "Sonsonate",
           "SS": "San Salvador", "SV": "San Vicente", "UN": "La Unión", "US": "Usulután"},
}
# Short forms people write for departments.
DEPT_SHORT = {"Huehuetenango": "Huehue", "Quetzaltenango": "Xela", "Totonicapán": "Toto",
              "Alta Verapaz": "A.V.", "Francisco Morazán": "Fco. Morazán", "Suchitepéquez": "Suchi",
              "Sacatepéquez": "Sacatep.", "Chimaltenango": "Chimal"}

VILLAGE_KIND = {"GT": ["Aldea", "Aldea", "Caserío", "Cantón", "Colonia", "Paraje"],
                "HN": ["Aldea", "Aldea", "Caserío", "Colonia", "Barrio"],
                "SV": ["Cantón", "Cantón", "Caserío", "Colonia", "Barrio"]}
VILLAGE_ES = ("El Rosario, Las Flores, San Antonio, Santa Cruz, El Carrizal, Los Encuentros, El Jícaro, "
              "La Ceiba, El Naranjo, Buena Vista, La Esperanza, Nueva Esperanza, El Porvenir, San Francisco, "
              "Santa Rosa, Las Delicias, El Mirador, Pueblo Nuevo, La Libertad, El Zapote, El Tablón, "
              "Los Planes, El Llano, La Laguna, Agua Caliente, Agua Blanca, Piedra Parada, El Cerro, "
              "Las Crucitas, Monte Grande, San José, Los Mangos, El Aguacate, La Cumbre, El Pinal, "
              "Las Lomas, El Coyol, San Isidro, El Chagüite, Santa Lucía, La Montañita, El Paraíso, "
              "Los Pozos, Las Minas, El Tamarindo, El Cedro, La Joya, Los Llanitos, San Juan, El Portillo").split(", ")
MAYA_PLACE_PRE = "Chui Xe Pa Tza Se Cha Chi Sa Xol Chu Pat Tzan Rax Sac Chicu Xeca Pan Ch'i Caj".split()
MAYA_PLACE_SUF = "caraj juyub sac coj mox huit cacao suc noj toc quel lemá chaj tun bol puc xan ixim ab ché ul".split()

# ---------------------------------------------------------------- border
# sector code -> (name, weight, stations [(station, city, state, weight)], ports [(name, city, state)])
SECTORS = {
    "SDC": ("San Diego", 8, [("Imperial Beach", "Imperial Beach", "CA", 3), ("Chula Vista", "Chula Vista", "CA", 3),
                             ("Brown Field", "San Diego", "CA", 3), ("Campo", "Campo", "CA", 1),
                             ("Boulevard", "Boulevard", "CA", 1), ("El Cajon", "El Cajon", "CA", 1)],
            [("San Ysidro Port of Entry", "San Ysidro", "CA"), ("Otay Mesa Port of Entry", "San Diego", "CA"),
             ("Tecate Port of Entry", "Tecate", "CA")]),
    "ELC": ("El Centro", 4, [("Calexico", "Calexico", "CA", 3), ("El Centro", "El Centro", "CA", 2), ("Indio", "Indio", "CA", 1)],
            [("Calexico West Port of Entry", "Calexico", "CA")]),
    "YUM": ("Yuma", 8, [("Yuma", "Yuma", "AZ", 5), ("Wellton", "Wellton", "AZ", 2), ("Blythe", "Blythe", "CA", 1)],
            [("San Luis Port of Entry", "San Luis", "AZ")]),
    "TCA": ("Tucson", 8, [("Ajo", "Ajo", "AZ", 1), ("Casa Grande", "Casa Grande", "AZ", 1), ("Douglas", "Douglas", "AZ", 2),
                          ("Naco", "Naco", "AZ", 1), ("Nogales", "Nogales", "AZ", 3), ("Sonoita", "Sonoita", "AZ", 1),
                          ("Tucson", "Tucson", "AZ", 3), ("Willcox", "Willcox", "AZ", 1), ("Brian A. Terry", "Bisbee", "AZ", 1)],
            [("DeConcini Port of Entry", "Nogales", "AZ"), ("Mariposa Port of Entry", "Nogales", "AZ"),
             ("Lukeville Port of Entry", "Lukeville", "AZ")]),
    "EPT": ("El Paso", 20, [("El Paso", "El Paso", "TX", 3), ("Paso del Norte", "El Paso", "TX", 4), ("Ysleta", "El Paso", "TX", 2),
                            ("Clint", "Clint", "TX", 4), ("Fort Hancock", "Fort Hancock", "TX", 1),
                            ("Santa Teresa", "Santa Teresa", "NM", 4), ("Deming", "Deming", "NM", 2),
                            ("Lordsburg", "Lordsburg", "NM", 1), ("Las Cruces", "Las Cruces", "NM", 1),
                            ("Alamogordo", "Alamogordo", "NM", 0.5), ("Truth or Consequences", "Truth or Consequences", "NM", 0.5)],
            [("Paso del Norte Bridge", "El Paso", "TX"), ("Bridge of the Americas", "El Paso", "TX"),
             ("Ysleta-Zaragoza Bridge", "El Paso", "TX"), ("Tornillo Port of Entry", "Tornillo", "TX")]),
    "BBT": ("Big Bend", 2, [("Alpine", "Alpine", "TX", 1), ("Presidio", "Presidio", "TX", 2), ("Marfa", "Marfa", "TX", 1),
                            ("Sierra Blanca", "Sierra Blanca", "TX", 1), ("Van Horn", "Van Horn", "TX", 1),
                            ("Sanderson", "Sanderson", "TX", 0.5)],
            [("Presidio Port of Entry", "Presidio", "TX")]),
    "DRT": ("Del Rio", 5, [("Del Rio", "Del Rio", "TX", 3), ("Eagle Pass", "Eagle Pass", "TX", 3), ("Eagle Pass South", "Eagle Pass", "TX", 2),
                           ("Brackettville", "Brackettville", "TX", 1), ("Carrizo Springs", "Carrizo Springs", "TX", 1),
                           ("Comstock", "Comstock", "TX", 0.5), ("Uvalde", "Uvalde", "TX", 1)],
            [("Del Rio Port of Entry", "Del Rio", "TX"), ("Eagle Pass Port of Entry", "Eagle Pass", "TX")]),
    "LRT": ("Laredo", 5, [("Laredo North", "Laredo", "TX", 2), ("Laredo South", "Laredo", "TX", 2), ("Laredo West", "Laredo", "TX", 1),
                          ("Zapata", "Zapata", "TX", 2), ("Cotulla", "Cotulla", "TX", 0.5), ("Hebbronville", "Hebbronville", "TX", 0.5)],
            [("Laredo Port of Entry", "Laredo", "TX")]),
    "RGV": ("Rio Grande Valley", 40, [("McAllen", "McAllen", "TX", 30), ("Weslaco", "Weslaco", "TX", 15),
                                      ("Harlingen", "Harlingen", "TX", 6), ("Brownsville", "Brownsville", "TX", 8),
                                      ("Fort Brown", "Brownsville", "TX", 6), ("Rio Grande City", "Rio Grande City", "TX", 15),
                                      ("Falfurrias", "Falfurrias", "TX", 1), ("Kingsville", "Kingsville", "TX", 1),
                                      ("Corpus Christi", "Corpus Christi", "TX", 1)],
            [("Hidalgo Port of Entry", "Hidalgo", "TX"), ("Brownsville Gateway Port of Entry", "Brownsville", "TX"),
             ("Anzalduas Port of Entry", "Mission", "TX"), ("Roma Port of Entry", "Roma", "TX"),
             ("Progreso Port of Entry", "Progreso", "TX")]),
}
# Processing centres where families were held after apprehension (children's referral often names these).
PROCESSING_CENTRES = {"RGV": ["Ursula CPC", "Central Processing Center (McAllen)", "Ursula Ave. CPC"],
                      "EPT": ["Paso del Norte Processing Center", "El Paso CPC"]}

# ICE detention: (name, short/booking code, city, state, sectors served, area code)
DETENTION = [
    ("Port Isabel Service Processing Center", "PIC", "Los Fresnos", "TX", "RGV", "956"),
    ("El Valle Detention Facility", "EVD", "Raymondville", "TX", "RGV", "956"),
    ("Coastal Bend Detention Center", "CBD", "Robstown", "TX", "RGV LRT", "361"),
    ("Rio Grande Detention Center", "RGD", "Laredo", "TX", "LRT", "956"),
    ("Laredo Processing Center", "LPC", "Laredo", "TX", "LRT", "956"),
    ("South Texas Detention Complex", "STC", "Pearsall", "TX", "RGV LRT DRT", "830"),
    ("T. Don Hutto Residential Center", "HTO", "Taylor", "TX", "RGV LRT DRT", "512"),
    ("Joe Corley Detention Facility", "JCD", "Conroe", "TX", "RGV", "936"),
    ("Houston Contract Detention Facility", "HOU", "Houston", "TX", "RGV", "281"),
    ("IAH Secure Adult Detention Facility", "IAH", "Livingston", "TX", "RGV", "936"),
    ("Prairieland Detention Center", "PDC", "Alvarado", "TX", "RGV EPT", "817"),
    ("Val Verde Correctional Facility", "VVC", "Del Rio", "TX", "DRT", "830"),
    ("West Texas Detention Facility", "WTD", "Sierra Blanca", "TX", "EPT BBT", "915"),
    ("El Paso Service Processing Center", "EPC", "El Paso", "TX", "EPT BBT", "915"),
    ("Otero County Processing Center", "OTR", "Chaparral", "NM", "EPT", "575"),
    ("Cibola County Correctional Center", "CIB", "Milan", "NM", "EPT", "505"),
    ("Torrance County Detention Facility", "TRC", "Estancia", "NM", "EPT", "505"),
    ("Eloy Detention Center", "ELY", "Eloy", "AZ", "TCA YUM", "520"),
    ("Florence Service Processing Center", "FLO", "Florence", "AZ", "TCA YUM", "520"),
    ("La Palma Correctional Center", "LPA", "Eloy", "AZ", "TCA YUM", "520"),
    ("Otay Mesa Detention Center", "OMD", "San Diego", "CA", "SDC ELC", "619"),
    ("Imperial Regional Detention Facility", "IRD", "Calexico", "CA", "ELC SDC", "760"),
    ("Adelanto ICE Processing Center", "ADL", "Adelanto", "CA", "SDC ELC YUM", "760"),
    ("FCI Victorville", "VIC", "Adelanto", "CA", "SDC ELC YUM", "760"),
    ("FDC SeaTac", "SEA", "SeaTac", "WA", "SDC YUM", "206"),
    ("Northwest Detention Center", "NWD", "Tacoma", "WA", "SDC YUM TCA", "253"),
    ("Stewart Detention Center", "STW", "Lumpkin", "GA", "RGV EPT", "229"),
    ("LaSalle ICE Processing Center", "JEN", "Jena", "LA", "RGV", "318"),
    ("Pine Prairie ICE Processing Center", "PPR", "Pine Prairie", "LA", "RGV", "337"),
    ("Irwin County Detention Center", "IRW", "Ocilla", "GA", "RGV", "229"),
    ("Krome North Service Processing Center", "KRO", "Miami", "FL", "RGV", "305"),
]

# ORR shelters: (name, city, state, area code)
SHELTERS = [
    ("Southwest Key Casa Padre", "Brownsville", "TX", "956"),
    ("Southwest Key Casa El Presidente", "Brownsville", "TX", "956"),
    ("Southwest Key Casa Quetzal", "Brownsville", "TX", "956"),
    ("Southwest Key Casa Antigua", "San Benito", "TX", "956"),
    ("Southwest Key Casa Houston", "Houston", "TX", "713"),
    ("Southwest Key Casa Franklin", "El Paso", "TX", "915"),
    ("Southwest Key Casa Kokopelli", "Mesa", "AZ", "480"),
    ("Southwest Key Estrella del Norte", "Tucson", "AZ", "520"),
    ("Southwest Key Casa Campbell", "Phoenix", "AZ", "602"),
    ("Southwest Key Casa Blanca", "San Benito", "TX", "956"),
    ("BCFS Tornillo Influx Facility", "Tornillo", "TX", "915"),
    ("BCFS Harlingen", "Harlingen", "TX", "956"),
    ("BCFS Raymondville", "Raymondville", "TX", "956"),
    ("BCFS San Antonio", "San Antonio", "TX", "210"),
    ("Upbring New Hope Children's Shelter", "Los Fresnos", "TX", "956"),
    ("Shiloh Treatment Center", "Manvel", "TX", "281"),
    ("Catholic Charities Galveston-Houston", "Houston", "TX", "713"),
    ("Bethany Christian Services", "Grand Rapids", "MI", "616"),
    ("Cayuga Centers", "New York", "NY", "212"),
    ("The Children's Village", "Dobbs Ferry", "NY", "914"),
    ("Lincoln Hall Boys' Haven", "Lincolndale", "NY", "914"),
    ("Abbott House", "Irvington", "NY", "914"),
    ("MercyFirst", "Syosset", "NY", "516"),
    ("Lutheran Social Services of the South", "Austin", "TX", "512"),
    ("Heartland Human Care Services", "Chicago", "IL", "312"),
    ("Youth for Tomorrow", "Bristow", "VA", "703"),
    ("KidsPeace", "Schnecksville", "PA", "610"),
    ("His House Children's Home", "Miami Gardens", "FL", "305"),
    ("Catholic Charities Boystown", "Miami", "FL", "305"),
    ("Crittenton Services for Children and Families", "Fullerton", "CA", "714"),
    ("Florence Crittenton of Arizona", "Phoenix", "AZ", "602"),
    ("International Educational Services", "Los Fresnos", "TX", "956"),
]

# Where US relatives / sponsors live: (city, state, area codes)
US_CITIES = [
    ("Houston", "TX", "713 832 281", 10), ("Los Angeles", "CA", "213 323 818", 9), ("New York", "NY", "718 347 929", 7),
    ("Miami", "FL", "305 786", 6), ("Silver Spring", "MD", "301 240", 5), ("Alexandria", "VA", "703 571", 5),
    ("Atlanta", "GA", "404 678 770", 5), ("Charlotte", "NC", "704 980", 4), ("Nashville", "TN", "615", 3),
    ("Dallas", "TX", "214 469 972", 6), ("New Orleans", "LA", "504", 4), ("Omaha", "NE", "402", 2),
    ("Providence", "RI", "401", 2), ("Boston", "MA", "617 857", 3), ("Newark", "NJ", "973 862", 3),
    ("Hempstead", "NY", "516 631", 3), ("Chicago", "IL", "773 312", 3), ("Oakland", "CA", "510", 3),
    ("Jacksonville", "FL", "904", 2), ("Raleigh", "NC", "919", 2), ("Columbus", "OH", "614", 2),
    ("Des Moines", "IA", "515", 1), ("Indianapolis", "IN", "317", 2), ("Lake Worth", "FL", "561", 2),
    ("Denver", "CO", "303 720", 2), ("Seattle", "WA", "206", 1), ("Phoenix", "AZ", "602 480", 2),
    ("Las Vegas", "NV", "702", 2), ("San Antonio", "TX", "210", 2), ("Austin", "TX", "512", 2),
]

# Shared institutional numbers.  The two hotlines are the public federal numbers; the
# consulate and NGO numbers are fictional (area codes plausible).
HOTLINES = [("ORR National Call Center", "8002037001"), ("ICE Detention Reporting and Information Line", "8883514024")]
CONSULATES = [
    ("Consulado de Guatemala McAllen", "GT", "9564290137"), ("Consulado de Guatemala Houston", "GT", "7139537942"),
    ("Consulado de Guatemala Del Rio", "GT", "8307734826"), ("Consulado de Guatemala Phoenix", "GT", "6022100611"),
    ("Consulado de Honduras Houston", "HN", "7136226572"), ("Consulado de Honduras McAllen", "HN", "9566879310"),
    ("Consulado de El Salvador Houston", "SV", "7132700239"), ("Consulado de El Salvador McAllen", "SV", "9566843418"),
    ("Consulado de México McAllen", "MX", "9566863810"),
    ("Centro de Atención al Migrante Retornado (fictional)", "GT", "50224113920"),
    ("Centro de Atención al Migrante Retornado San Pedro Sula (fictional)", "HN", "50425527731"),
]
NGOS = [("RAICES (fictional number)", "2102267811"), ("Texas Civil Rights Project (fictional)", "9564287334"),
        ("Annunciation House (fictional)", "9155436217"), ("Kids in Need of Defense (fictional)", "2028241629"),
        ("Al Otro Lado (fictional)", "6195728820"), ("Catholic Charities RGV (fictional)", "9567024103"),
        ("Florence Project (fictional)", "5208681254")]

PLACEHOLDER_PHONES = ["N/A", "UNKNOWN", "NONE", "000000000", "0000000000", "NO TIENE", "Desconocido", "-", "n/a", "none"]

# Phone plans: (country calling code, national length, mobile leading digits)
PHONE_PLAN = {"GT": ("502", 8, "345"), "HN": ("504", 8, "389"), "SV": ("503", 8, "67"),
              "MX": ("52", 10, "1234579"), "BR": ("55", 11, "3"), "RO": ("40", 9, "7"), "EC": ("593", 9, "9")}
LANDLINE_LEAD = {"GT": "27", "HN": "2", "SV": "2"}

# ---------------------------------------------------------------- countries, languages
COUNTRIES = {
    # code: (English, Spanish, ISO3, capitals, misspellings, extra codes)
    "GT": ("Guatemala", "Guatemala", "GTM", ["Guatemala City", "Ciudad de Guatemala"],
           ["Guatamala", "Guatemal", "Gutemala", "Guatemela", "Guatamela"], ["GUA"]),
    "HN": ("Honduras", "Honduras", "HND", ["Tegucigalpa"], ["Hondurus", "Hondura", "Honduaras", "Hondras"], ["HON"]),
    "SV": ("El Salvador", "El Salvador", "SLV", ["San Salvador"], ["Salvador", "El Slavador", "El Salavador", "Salvadore"], ["ES"]),
    "MX": ("Mexico", "México", "MEX", ["Mexico City", "Ciudad de México"], ["Mexcio", "Mejico", "Mexic"], []),
    "BR": ("Brazil", "Brasil", "BRA", ["Brasilia", "Brasília"], ["Brasil", "Brazill", "Brazl"], []),
    "RO": ("Romania", "Rumania", "ROU", ["Bucharest", "Bucarest"], ["Roumania", "Rumanía", "Romainia"], ["ROM"]),
    "EC": ("Ecuador", "Ecuador", "ECU", ["Quito"], ["Equador", "Ecuadro"], []),
}

# language: (standard name, forms a US caseworker writes, old EAGLE-style uppercase, ISO 639-3)
LANGUAGES = {
    "Spanish": ("Spanish", ["Spanish", "Español", "spanish", "Espanol"], "SPANISH", "spa"),
    "K'iche'": ("K'iche'", ["K'iche'", "Quiche", "Kiche", "K'iche", "Quiché", "Kiché"], "QUICHE", "quc"),
    "Q'eqchi'": ("Q'eqchi'", ["Q'eqchi'", "Kekchi", "Qeqchi", "Q'eqchi", "Kekchí", "Quekchi"], "KEKCHI", "kek"),
    "Mam": ("Mam", ["Mam", "Mam (Mayan)", "MAM"], "MAM", "mam"),
    "Kaqchikel": ("Kaqchikel", ["Kaqchikel", "Cakchiquel", "Kakchiquel", "Kaqchiquel"], "CAKCHIQUEL", "cak"),
    "Q'anjob'al": ("Q'anjob'al", ["Q'anjob'al", "Kanjobal", "Qanjobal", "Kanjobal (Mayan)"], "KANJOBAL", "kjb"),
    "Akateko": ("Akateko", ["Akateko", "Acateco", "Akatek"], "ACATECO", "knj"),
    "Chuj": ("Chuj", ["Chuj"], "CHUJ", "cac"),
    "Ixil": ("Ixil", ["Ixil", "Ishil"], "IXIL", "ixl"),
    "Achi": ("Achi", ["Achi", "Achí"], "ACHI", "acr"),
    "Tz'utujil": ("Tz'utujil", ["Tz'utujil", "Tzutujil", "Tzutuhil"], "TZUTUJIL", "tzj"),
    "Poqomchi'": ("Poqomchi'", ["Poqomchi'", "Pocomchi", "Poqomchi"], "POCOMCHI", "poh"),
    "Ch'orti'": ("Ch'orti'", ["Ch'orti'", "Chorti", "Chortí"], "CHORTI", "caa"),
    "Garifuna": ("Garifuna", ["Garifuna", "Garífuna", "Garifuna (Carib)"], "GARIFUNA", "cab"),
    "Miskito": ("Miskito", ["Miskito", "Misquito", "Mosquito"], "MISKITO", "miq"),
    "Portuguese": ("Portuguese", ["Portuguese", "Portugués", "Portugese"], "PORTUGUESE", "por"),
    "Romanian": ("Romanian", ["Romanian", "Rumano", "Romainian"], "ROMANIAN", "ron"),
    "Romani": ("Romani", ["Romani", "Romanes", "Roma"], "ROMANY", "rom"),
}
