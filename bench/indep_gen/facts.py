# -*- coding: utf-8 -*-
"""Name and place facts for the independent generator, compiled from general
knowledge of Central American / Mexican / Brazilian / Romanian naming and of the
US-Mexico border (see README.md).  Weights are rough relative frequencies, not
census figures.  Phone numbers marked "fictional" are invented for the test and
only need to be shared across many records; the two federal hotlines are the
publicly announced 2018 numbers."""


def _w(text):
    """Parse 'Name w, Name w, ...' into [(name, weight)]; weight defaults to 1."""
    out = []
    for part in text.replace("\n", " ").split(","):
        part = part.strip()
        if not part:
            continue
        head, _, tail = part.rpartition(" ")
        try:
            out.append((head.strip(), float(tail)))
        except ValueError:
            out.append((part, 1.0))
    return out


# ---------------------------------------------------------------- given names
# Adults born roughly 1960-2000.
MALE_ADULT = _w("""
José 30, Juan 22, Luis 10, Carlos 12, Jorge 7, Miguel 8, Mario 8, Marvin 8, Edwin 8,
Wilmer 6, Selvin 4, Byron 4, Erick 4, Elmer 4, Óscar 6, Francisco 8, Pedro 8, Manuel 7,
Antonio 6, Santos 5, Cristian 5, Denis 4, Nelson 5, Walter 5, Rony 3, Elvin 3, Henry 4,
Josué 3, David 5, Daniel 4, Wilson 3, Domingo 3, Diego 3, Mateo 2, Andrés 3, Tomás 3,
Marcos 3, Lucas 2, Alfredo 2, Fredy 3, Roberto 4, Ricardo 3, Rigoberto 2, Julio 4,
César 3, Víctor 4, Hugo 2, Rolando 2, Melvin 3, Abel 2, Efraín 2, Ángel 4, Alejandro 3,
Gerson 2, Jesús 3, Ramón 2, Rafael 2, Gustavo 2, Armando 2, Sergio 2, Javier 3,
Eduardo 3, Fernando 3, Alberto 2, Guillermo 2, Enrique 2, Ignacio 1, Gregorio 1,
Salvador 2, Reyes 1, Eliseo 1, Isaías 1, Otoniel 1, Hermelindo 1, Edgar 3, Héctor 2
""")
MALE_MAYA = _w("""
Baltazar 3, Gaspar 3, Mateo 4, Diego 4, Pascual 3, Andrés 3, Domingo 4, Sebastián 3,
Lorenzo 2, Nicolás 2, Cristóbal 2, Tomás 4, Jacinto 2, Jerónimo 2, Marcos 3, Lucas 2,
Felipe 2, Juan 8, José 6, Pedro 5, Francisco 4, Miguel 3, Manuel 2, Santiago 2
""")
FEMALE_ADULT = _w("""
María 50, Ana 10, Rosa 8, Marta 6, Sandra 6, Glenda 4, Yesenia 4, Heidy 2, Dilcia 3,
Karla 4, Lesly 2, Sonia 5, Gloria 5, Reina 4, Iris 4, Olga 3, Blanca 5, Delmy 2,
Evelyn 4, Yolanda 4, Claudia 5, Lilian 3, Ingrid 3, Aracely 3, Leticia 3, Elvia 2,
Silvia 4, Jessica 3, Dania 2, Wendy 3, Sindy 3, Maritza 3, Marleni 2, Juana 8,
Candelaria 2, Catarina 4, Petrona 3, Magdalena 3, Micaela 2, Rosario 2, Guadalupe 4,
Francisca 3, Dominga 2, Isabel 3, Carmen 5, Lucía 3, Elena 3, Floridalma 1, Vilma 3,
Norma 3, Alba 2, Xiomara 2, Suyapa 3, Lourdes 2, Dora 2, Esperanza 2, Irma 3,
Concepción 2, Dolores 2, Mercedes 2, Margarita 3, Graciela 2, Teresa 3, Paula 2,
Hilda 2, Sara 2, Martina 2, Josefa 2, Jackeline 2, Karen 2, Yanira 2, Kenia 2, Mirna 2,
Elsa 2, Brenda 2, Patricia 3, Marisol 2, Damaris 1, Nohemí 1, Ilsy 1
""")
FEMALE_MAYA = _w("""
María 20, Juana 8, Catarina 6, Petrona 5, Magdalena 4, Micaela 3, Candelaria 3,
Francisca 3, Dominga 3, Rosa 3, Marta 3, Manuela 2, Tomasa 2, Matilde 2, Santos 1,
Elena 2, Isabel 2, Lucía 2, Ana 3, Sebastiana 1, Andrea 1, Cristina 2, Paulina 1
""")
MARIA_SECOND = _w("""
José 4, Guadalupe 4, Isabel 3, Elena 3, Teresa 3, del Carmen 4, de los Ángeles 3,
Magdalena 2, Cristina 2, Fernanda 2, Concepción 2, Dolores 2, Luisa 2, Mercedes 2,
Juana 2, del Rosario 3, Candelaria 1, Antonia 2, Fernanda 1, Esperanza 1, de Jesús 1
""")
# Children born roughly 2000-2017.
MALE_CHILD = _w("""
Brayan 8, Kevin 8, Anthony 5, Jefferson 4, Josué 6, Ángel 8, Dylan 4, Jostin 3,
Cristopher 4, Alexander 6, Jeremy 3, Elder 2, Gerson 3, Fernando 4, Diego 5, Carlos 6,
Luis 6, Esteban 2, Daniel 6, Jonathan 4, Yordi 2, Eduardo 4, José 12, Juan 8, David 5,
Jairo 2, Marlon 2, Erick 5, Wilmer 3, Darwin 3, Henry 2, Axel 3, Jesús 3, Mateo 3,
Santiago 2, Gabriel 3, Samuel 3, Isaac 2, Edwin 3, Selvin 2, Elías 2, Cristian 4,
Denis 2, Franklin 2, Wilson 2, Adonis 1, Óscar 3, Miguel 5, Pedro 3, Francisco 3,
Josué 2, Emanuel 3, Moisés 2, Alex 2, Bryan 2, Joel 2, Abner 1, Eddy 1, Yeison 1
""")
FEMALE_CHILD = _w("""
Génesis 4, Dayana 4, Allison 3, Nicole 3, Heidy 3, Ashley 4, Sofía 4, Valeria 4,
Camila 3, Emily 4, Kimberly 5, Brittany 2, Katherine 3, Lesly 4, Yoselin 4, Dulce 2,
Jimena 2, Ana 5, María 15, Fernanda 3, Angie 2, Keyli 2, Mayerli 2, Yuliana 2,
Jennifer 4, Andrea 4, Paola 3, Daniela 4, Alejandra 3, Karla 3, Wendy 2, Melani 2,
Nayeli 2, Cindy 2, Joselyn 2, Estefany 3, Hillary 1, Rosa 2, Juana 2, Catarina 2,
Magdalena 1, Marta 1, Candelaria 1, Lucía 2, Kenia 1, Abigail 3, Yesenia 2, Evelyn 2,
Isabel 2, Guadalupe 2, Vanessa 2, Sheyla 1, Keila 1, Yaritza 1
""")

# How a name gets spelt by someone who heard it (given names).
GIVEN_VARIANTS = {
    "Brayan": ["Bryan", "Brian", "Braian"], "Bryan": ["Brayan", "Brian"],
    "Kevin": ["Kebin", "Keven"], "Jefferson": ["Yefferson", "Jeferson", "Jefferzon"],
    "Jostin": ["Justin", "Yostin", "Jostyn"], "Cristopher": ["Christopher", "Kristopher", "Cristofer"],
    "Yordi": ["Jordy", "Yordy", "Jordi"], "Dylan": ["Dilan", "Dillan"],
    "Yoselin": ["Joselin", "Yoselyn", "Jocelyn", "Joseline"], "Joselyn": ["Yoselin", "Jocelyn"],
    "Génesis": ["Jenesis", "Genessis"], "Dayana": ["Diana", "Dayanna", "Dallana"],
    "Allison": ["Alison", "Alisson", "Alizon"], "Heidy": ["Heidi", "Heydi", "Jeidy"],
    "Ashley": ["Ashly", "Ashlee", "Ashli"], "Kimberly": ["Kimberli", "Kimberlyn", "Quimberly"],
    "Lesly": ["Lesli", "Leslie", "Lessly"], "Keyli": ["Keily", "Kaylee", "Queili"],
    "Mayerli": ["Mayerly", "Maryeli"], "Estefany": ["Stephany", "Estefani", "Stefany"],
    "Yesenia": ["Jesenia", "Yessenia"], "Wilmer": ["Wilmar", "Guilmer", "Vilmer"],
    "Elmer": ["Helmer", "Elmar"], "Evelyn": ["Evelin", "Ebelin", "Evelyne"],
    "Yuliana": ["Juliana", "Yulianna"], "Marleni": ["Marlene", "Marleny"],
    "Jackeline": ["Jaqueline", "Yaqueline", "Jacqueline"], "Dilcia": ["Dilsia", "Dilcya"],
    "Sindy": ["Cindy", "Syndi"], "Cindy": ["Sindy", "Cyndi"], "Jeremy": ["Jeremi", "Yeremi"],
    "Nayeli": ["Nayely", "Nayelli"], "Reina": ["Reyna"], "Suyapa": ["Soyapa", "Suyappa"],
    "Xiomara": ["Siomara", "Xiomarah"], "Edwin": ["Eduin", "Edwing"], "Selvin": ["Selbin", "Selvyn"],
    "Darwin": ["Darwing", "Darvin"], "Melvin": ["Melbin"], "Elder": ["Helder"],
    "Yeison": ["Jason", "Jeison"], "Anthony": ["Antony", "Anthonny"], "Katherine": ["Katerin", "Catherine", "Katheryn"],
    "Brittany": ["Britany", "Brittani"], "Emily": ["Emely", "Emili"], "Melani": ["Melanie", "Melany"],
    "Abigail": ["Abigayl"], "Yaritza": ["Jaritza"], "Keila": ["Kayla", "Queila"], "Sheyla": ["Sheila", "Shayla"],
    "Glenda": ["Glendy"], "Ingrid": ["Ingrit"], "Aracely": ["Araceli", "Aracelly"], "Lilian": ["Lillian", "Liliam"],
    "Delmy": ["Delmi"], "Yanira": ["Llanira"], "Kenia": ["Kenya"], "Henry": ["Henri", "Jenry"],
    "Rony": ["Ronny", "Roni"], "Fredy": ["Freddy", "Fredi"], "Nohemí": ["Noemi", "Nohemy"],
    "Ilsy": ["Ilsi"], "Mirna": ["Myrna"], "Wendy": ["Wendi", "Guendy"], "Jennifer": ["Yenifer", "Jenifer"],
}

# Short forms and nicknames (what a child or relative says).
NICKNAMES = {
    "José": ["Chepe", "Pepe", "Cheo", "Chepito"], "Guadalupe": ["Lupe", "Lupita"],
    "Francisco": ["Chico", "Pancho", "Paco", "Chilo"], "Jesús": ["Chucho", "Chuy"],
    "Manuel": ["Manolo", "Meme"], "Concepción": ["Concha", "Conchita", "Chon"],
    "Rosario": ["Chayo"], "Ignacio": ["Nacho"], "Roberto": ["Beto"], "Alberto": ["Beto"],
    "Guillermo": ["Memo"], "Enrique": ["Quique"], "Antonio": ["Toño", "Tono", "Toñito"],
    "Dolores": ["Lola", "Lolita"], "Mercedes": ["Meche"], "Isabel": ["Chabela", "Chabe"],
    "Eduardo": ["Lalo"], "María": ["Mari", "Maruca"], "Juan": ["Juancho", "Juanito"],
    "Alejandro": ["Alex", "Ale"], "Rigoberto": ["Rigo"], "Pedro": ["Perico", "Pedrito"],
    "Rafael": ["Rafa", "Fello"], "Gregorio": ["Goyo"], "Salvador": ["Chava"],
    "Santos": ["Chinto"], "Graciela": ["Chela"], "Margarita": ["Magui", "Mago"],
    "Catarina": ["Cata", "Caty"], "Jorge": ["Coco"], "Luis": ["Lucho", "Güicho"],
    "Francisca": ["Pancha", "Chica"], "Josefa": ["Chepa"], "Carlos": ["Carlitos", "Calín"],
    "Juana": ["Juanita"], "Rosa": ["Rosita", "Chayito"], "Ana": ["Anita"],
    "Sebastián": ["Chabo", "Bastián"], "Domingo": ["Mingo"], "Tomás": ["Tomasito"],
    "Candelaria": ["Cande", "Candy"], "Petrona": ["Pet"], "Reyes": ["Rey"],
    "Gustavo": ["Tavo"], "Ramón": ["Moncho"], "Armando": ["Mando"], "Ángel": ["Angelito"],
    "Miguel": ["Mike", "Miguelito"], "Baltazar": ["Balta"], "Wilmer": ["Wil"],
    "Leticia": ["Lety"], "Patricia": ["Paty"], "Teresa": ["Tere"], "Gloria": ["Glori"],
}

# ---------------------------------------------------------------- surnames
# (name, weight, countries): '*' = all Hispanic countries.
_SUR = """
Hernández 45 *, López 40 *, García 30 *, Pérez 30 *, Martínez 28 *, Rodríguez 22 *,
González 22 *, Ramírez 20 *, Gómez 15 *, Méndez 14 *, Sánchez 14 *, Díaz 11 *, Cruz 18 *,
Reyes 12 *, Morales 16 *, Flores 13 *, Ramos 10 *, Mejía 12 *, Castillo 10 *, Ortiz 8 *,
Chávez 9 *, Juárez 9 GT, Vásquez 14 *, Aguilar 9 *, Álvarez 8 *, Santos 8 *, Rivera 9 *,
Velásquez 10 *, Mendoza 7 *, Herrera 7 *, Alvarado 9 *, Jiménez 6 *, Romero 8 *,
Marroquín 4 GT, Orellana 6 *, Escobar 6 *, Rosales 5 *, Barrios 5 *, Guzmán 5 *,
Estrada 6 *, Lemus 4 *, Maldonado 5 *, Fuentes 5 *, Paz 5 *, Osorio 5 *, Ruiz 5 *,
Carranza 3 *, Portillo 5 *, Aguirre 3 *, Solís 4 *, Argueta 5 HN SV, Sosa 5 *, Bonilla 5 *,
Cardona 4 *, Moreno 4 *, Domínguez 4 *, Ayala 5 *, Castro 6 *, Ordóñez 5 *, Lara 3 *,
Recinos 2 GT, de León 6 GT, de la Cruz 4 *, del Cid 1 GT HN, Contreras 4 *, Cabrera 4 *,
Villatoro 3 GT, Monterroso 2 GT, Gutiérrez 6 *, Torres 6 *, Salazar 4 *, Vargas 4 *,
Quintanilla 4 SV, Rivas 6 SV, Guardado 4 SV, Menjívar 4 SV, Chicas 2 SV, Aquino 3 SV,
Ventura 3 SV, Cornejo 2 SV, Granados 3 SV, Pineda 4 *, Campos 3 *, Zelaya 6 HN,
Murillo 4 HN, Amaya 4 HN SV, Euceda 2 HN, Banegas 3 HN, Maradiaga 3 HN, Fúnez 3 HN,
Rápalo 2 HN, Matute 2 HN, Cerrato 2 HN, Ávila 4 HN, Lagos 2 HN, Andino 3 HN, Sierra 3 HN,
Padilla 4 HN, Cálix 2 HN, Oseguera 2 HN, Mazariegos 2 GT, Orozco 5 GT, Tobar 2 GT,
Girón 3 GT, Cifuentes 3 GT, Sagastume 1 GT, Interiano 1 GT, Montoya 2 *, Ochoa 2 *,
Pacheco 2 *, Acosta 2 *, Navarro 2 *, Duarte 2 *, Palacios 2 *, Zúñiga 2 *, Santiago 3 GT MX,
Tomás 3 GT, Pascual 4 GT, Gaspar 3 GT, Mateo 3 GT, Diego 3 GT, Francisco 3 GT,
Andrés 2 GT, Domingo 2 GT, Lucas 2 GT, Felipe 2 GT, Miguel 2 GT, Simón 2 GT, Sebastián 2 GT,
Calderón 2 *, Guevara 2 SV HN, Hidalgo 1 *, Monroy 1 GT, Godínez 2 GT, Mérida 1 GT,
Guerra 2 *, Medina 3 *, Rojas 2 *, Vega 2 *, Soto 2 *, Figueroa 2 *, Mancía 2 SV HN,
Canales 2 HN, Valle 2 HN, Sandoval 3 *, Carrillo 2 *, Lima 2 GT, Galicia 1 GT
"""
SURNAMES = []
for _part in _SUR.replace("\n", " ").split(","):
    _toks = _part.split()
    if not _toks:
        continue
    # name may have spaces ("de la Cruz"): weight is the first numeric token
    _i = next(i for i, t in enumerate(_toks) if t.replace(".", "").isdigit())
    SURNAMES.append((" ".join(_toks[:_i]), float(_toks[_i]), tuple(_toks[_i + 1:])))

MX_SURNAMES_EXTRA = _w("Hernández 10, García 8, Martínez 7, López 6, González 6, Rodríguez 5, "
                       "Pérez 5, Sánchez 5, Ramírez 5, Cruz 4, Flores 4, Gómez 4, Morales 3, "
                       "Vázquez 4, Jiménez 3, Reyes 3, Díaz 3, Torres 3, Gutiérrez 3, Ruiz 3, "
                       "Mendoza 2, Aguilar 2, Ortiz 2, Castillo 2, Moreno 2, Romero 2, Bautista 2")
EC_SURNAMES = _w("Guamán 4, Quizhpi 3, Tenesaca 2, Morocho 3, Pacheco 2, Sigüenza 2, Chimbo 2, "
                 "Lema 2, Pichisaca 2, Guallpa 2, Zhagui 2, Sinchi 2, Loja 2, Naula 2, "
                 "Tenempaguay 1, Sánchez 3, Peralta 2, Vázquez 2, Pérez 2, Cabrera 2, Ordóñez 2")

# Maya surnames in civil-registry (Spanish-influenced) spelling, by language.
MAYA_SURNAMES = {
    "K'iche'": "Tzoc Ixcoy Tzul Cux Xiloj Tum Tzunun Chan Xicará Ajanel Tacam Batz Tzep Puac "
               "Itzep Sapón Coyoy Chox Guarchaj Tambriz Ixchop Tuy Quiej Chanchavac Sic Tzir "
               "Chivalán Tojín Ajpop Toj Lux Ajcot Yax Poroj Quiñonez Cutz Vicente Xec Chaclán "
               "Hernández López",
    "Q'eqchi'": "Caal Choc Pop Xol Coc Cuz Tiul Bol Tzi Maquin Chen Ical Cacao Xo Chub Yat Tut "
                "Cu Ché Sacul Pau Tec Chiquin Botzoc Chocooj Max Xuc Caz Ac Chun Mucú Icó Quib "
                "Seb Coy Quej Sis Tzalam Cuc Chamán Xicol Mo Xi",
    "Mam": "Bámaca Ixcot Jiménez Maldonado Ramírez Chilel Escalante Pérez Velásquez Aguilón "
           "Mazariegos Ortiz Roblero Pablo Domingo Cinto Matías Bartolón Ordóñez Felipe",
    "Kaqchikel": "Xajil Cúmez Sicajau Boror Sotz Cutzal Xoyón Chicol Yool Patzán Sactic Ajú "
                 "Bal Chonay Queché Coroy Otzoy Chex Tuyuc Xicay Simón Cuxil Tubac Canú Subuyuj",
    "Q'anjob'al": "Pascual Francisco Mateo Diego Andrés Juan Pedro Tomás Domingo Gaspar Sebastián "
                  "Lucas Antonio Baltazar Manuel Silvestre Miguel Alonzo Nicolás",
    "Akateko": "Pedro Mateo Diego Andrés Domingo Tomás Pascual Francisco Delgado Matías",
    "Chuj": "Pascual Domingo Lucas Tomás Mateo Jorge Diego Alonzo Velasco Andrés",
    "Ixil": "Brito Raymundo Cobo Ceto Chávez Matom Cedillo Terraza Sajic Bernal Pérez Toma "
            "Ijom Sánchez Marcos",
    "Achi": "Alvarado Ixpatá Sis Tecú Osorio Chen Iboy Ixtecoc Cahuec Sical Xitumul Tum",
    "Tz'utujil": "Cholotío Sosof Ratzan Quiacaín Tziná Mendoza Coché Tzep Petzey Sapalú Quievac",
    "Poqomchi'": "Caal Cuz Tot Ical Cahuec Xoy Pop Sacul Yat Chiquín Cacao Tun",
}
MAYA_SURNAMES = {k: v.split() for k, v in MAYA_SURNAMES.items()}

# ---------------------------------------------------------------- other cultures
BR_MALE = "João Pedro Lucas Gabriel Mateus Rafael Gustavo Felipe Carlos José Antônio Francisco " \
          "Paulo Marcos Luiz Wellington Valdir Edson Wesley Rodrigo Leandro Fábio".split()
BR_FEMALE = "Maria Ana Juliana Fernanda Patrícia Aline Camila Jéssica Adriana Luciana Vanessa " \
            "Sandra Rosângela Eduarda Gabriela Beatriz Larissa Letícia Vitória Lorena".split()
BR_SURNAMES = "Silva Santos Oliveira Souza Rodrigues Ferreira Alves Pereira Lima Gomes Costa " \
              "Ribeiro Martins Carvalho Almeida Lopes Soares Fernandes Vieira Barbosa Rocha Dias " \
              "Nascimento Andrade Moreira Nunes Marques Machado Mendes Freitas Cardoso".split()
BR_PLACES = [("Governador Valadares", "Minas Gerais"), ("Ipatinga", "Minas Gerais"),
             ("Teófilo Otoni", "Minas Gerais"), ("Belo Horizonte", "Minas Gerais"),
             ("Criciúma", "Santa Catarina"), ("Goiânia", "Goiás"), ("Vitória", "Espírito Santo")]
RO_MALE = "Ion Gheorghe Vasile Constantin Nicolae Florin Marian Ionuț Adrian Daniel Mihai " \
          "Costel Dumitru Alexandru Cristian Marius Sorin".split()
RO_FEMALE = "Maria Elena Ioana Ana Mariana Florentina Georgiana Mihaela Daniela Gabriela " \
            "Nicoleta Luminița Rodica Claudia Denisa".split()
RO_SURNAMES = "Lakatos Rostaș Căldărar Stoica Dumitru Mihai Popescu Popa Ionescu Stan Radu " \
              "Constantin Marin Gheorghe Lingurar Ursu Sandu Rusu Varga Cioabă".split()
RO_PLACES = [("Craiova", "Dolj"), ("Tulcea", "Tulcea"), ("Târgu Jiu", "Gorj"),
             ("Constanța", "Constanța"), ("Timișoara", "Timiș"), ("Reșița", "Caraș-Severin")]
MX_PLACES = [("Acapulco", "Guerrero"), ("Chilpancingo", "Guerrero"), ("Uruapan", "Michoacán"),
             ("Apatzingán", "Michoacán"), ("Oaxaca de Juárez", "Oaxaca"), ("Tapachula", "Chiapas"),
             ("San Cristóbal de las Casas", "Chiapas"), ("Zacatecas", "Zacatecas"),
             ("Celaya", "Guanajuato"), ("Puebla", "Puebla")]
EC_PLACES = [("Cañar", "Cañar"), ("Azogues", "Cañar"), ("Cuenca", "Azuay"), ("Gualaceo", "Azuay"),
             ("Riobamba", "Chimborazo"), ("Biblián", "Cañar")]

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
