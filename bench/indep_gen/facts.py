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


# Places, the border, institutions, phones and countries: facts_world.py.
from facts_world import *  # noqa: E402,F401,F403
