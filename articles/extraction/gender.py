"""Grammatical gender of a person from what the text gives: a courtesy title (Mrs,
Ms, Mr), a common first name, or the pronouns used for them. Only to pick whom "she"
or "he" means; never shown to anyone.

The first names are a short hand-written list of common given names in English-
language news (and Nordic ones), not a census: an unknown name simply has no gender
until the text uses a pronoun for its bearer."""

from __future__ import annotations

import unicodedata

FEMALE, MALE = "f", "m"

_FEMALE_NAMES = """
    abigail ada adriana agnes aileen aisha alexandra alexis alice alicia alison allison
    alma amanda amber amelia amy ana anastasia andrea angela angelina anita ann anna
    anne annette annie antonia april ariana arianna ashley astrid audrey barbara beatrice
    beatriz becky belinda bernadette beth bethany betsy betty beverly bianca birgit
    bonnie brenda bridget brigitte britney brittany brooke camilla candace cara carla
    carly carmen carol caroline carolyn cassandra catherine cathy cecilia charlotte
    chelsea cheryl chloe christina christine cindy claire clara claudia colleen connie
    constance courtney cristina cynthia daisy dana danielle daphne darlene dawn debbie
    deborah debra dee delia denise diana diane dianne dolores donna doris dorothy edith
    eileen elaine eleanor elena elisabeth elise eliza elizabeth ella ellen emily emma
    erica erika erin esther eva eve evelyn fatima felicia fiona frances francesca gabriela
    gabrielle gail gayle georgia geraldine gina ginger gloria grace greta gretchen gro
    gwen hannah harriet hazel heather heidi helen helena henrietta hilary hillary hope
    ida ilhan ingrid irene iris isabel isabella ivanka jacqueline jane janet janice
    jasmine jean jeanne jenna jennifer jenny jessica jill joan joanna joanne jodi
    josephine joy joyce judith judy julia julie june justine karen kari karin karina
    kate katherine kathleen kathryn kathy katie katrin kay kayleigh kelly kellyanne
    kim kimberly kirsten kristen kristin kristina laura lauren leah lena leslie
    lily linda lisa liv liz lois loretta lori louise lucia lucy lydia
    lynn lynne madeleine madeline maggie maira marcia margaret margarethe maria mariam
    marianne marie marilyn marina marion marit marjorie marsha martha mary maura maureen
    maxine megan megyn melania melanie melinda melissa meredith mia michele michelle
    mildred miriam molly monica monique nadia nancy naomi natalie natasha nicole nikki
    nina nora olga olivia paige pamela patricia patty paula pauline peggy penelope
    penny petra phyllis priscilla rachel ramona rebecca regina renee rhonda rita roberta
    robin rosa rosalind rose rosemary roxanne ruth sabrina sally samantha sandra sara
    sarah sharon sheila shelley sherry shirley silje sofia sonia sophia sophie stacey
    stephanie sue susan susanna suzanne sylvia tamara tammy tanya tara teresa theresa
    tiffany tina tonje tove tracy trine ursula valerie vanessa vera veronica victoria
    virginia vivian wanda wendy whitney yolanda yvonne zoe
    agnieszka aino annika benedicte camille chantal dagny elin elsa emilie frida gunhild
    hanne hege helga ines ingeborg inger jorunn josefine kjersti kristine laila lene
    linnea magdalena maisie malin marte mette noemie oda ragnhild randi ronja sigrid
    siri solveig sonja synnove tone torunn turid unni vigdis wenche ylva zofia sigrun
    gulsen ayse fatma elif zeynep aurelie celine delphine isabelle juliette manon nathalie
    sylvie veronique anneliese brigitte gisela heike ilse jutta petra ute ursula
    chiara giulia francesca paola lucia carmen dolores pilar rocio marisol gloria
"""
_MALE_NAMES = """
    aaron abraham adam adrian al alan albert alberto alejandro aleksandr alex alexander
    alexei alfred ali allen alvin amir anders andre andreas andrew andy angus anthony
    antonio archie arne arnold arthur arve asa barack barry ben benjamin bernard bernie
    bill billy bjorn blake bob bobby boris brad bradley brandon brian bruce bryan byron
    calvin carl carlos cecil chad charles charlie chris christian christopher chuck clark
    clarence claude clayton cliff clifford clint clyde colin conrad corey cory craig curt
    curtis dale dan daniel danny darrell darren dave david dean dennis derek devin dick
    dinesh dmitry dominic don donald doug douglas duncan dustin dwight earl ed eddie
    edgar edward edwin eli elijah elliot elmer emil emmanuel eric erik ernest ernie
    eugene evan everett felix fernando finn floyd francis francisco frank franklin fred
    frederick gabriel gareth gary gavin gene geoff geoffrey george gerald gerard gilbert
    glen glenn gordon graham grant greg gregory gustav guy hakon hans harold harris harry
    harvey hector henrik henry herbert herman howard hugh hugo ian igor isaac ivan jack
    jacob jake jakub james jamie jan jared jason jay jeb jeff jeffrey jens jeremy jerome
    jerry jesse jesus jim jimmy joe joel johan johannes john johnny jon jonas jonathan
    jorge jose joseph josh joshua juan julian julius justin karl keith ken kenneth kevin
    kirk knut kurt kyle lance larry lars lawrence lee leo leon leonard leroy lewis lindsey
    lloyd logan lou louis lucas luis luke lyndon magnus malcolm manuel marc marco marcus
    mario mark marshall martin marvin matt matthew maurice max michael miguel mike milton
    mitch mitchell mitt mohammed morgan morten muhammad nathan neil nelson newt nicholas
    nick nigel noah norman odd olaf ole oliver omar orrin oscar otto owen pablo patrick
    paul pedro per peter phil philip pierre preston rafael ralph randall randy raul ray
    raymond reggie reince reuben ricardo richard rick ricky rob robert roberto rod rodney
    roger roland ron ronald ronny ross roy rudy rupert russell ryan sam samuel scott sean
    sebastian sergei sergey seth shane shawn sheldon sigurd simon stanley stefan stephen
    steve steven stuart sven ted terence terry thad theodore thomas tim timothy tobias
    todd tom tommy tony tor tormod travis trent trevor troy tyler ulrik vernon victor
    viktor vince vincent vladimir walter warren wayne wesley will william willie xavier
    yuri zach zachary
    aksel anders arvid bjarne bjornar bjorn dag eirik einar espen even fredrik geir gunnar
    gudmund halvard harald helge ivar jarle jostein kjell kristian leif magne mats njal
    odd oddvar olav ole petter ragnar reidar rune sindre stein steinar svein terje thor
    torbjorn torstein trond trygve vegard vidar yngve francois jacques jean-pierre
    jean-luc pascal philippe thierry yves benoit didier olivier laurent herve michel
    jurgen klaus wolfgang dieter gerhard helmut horst uwe matthias mehmet ahmet mustafa
    giuseppe giovanni luca marco matteo paolo stefano javier sergio enrique diego
    jakub tomasz piotr krzysztof andrzej marek pavel jiri vaclav terrell wesley darnell
"""

FIRST_NAMES: dict[str, str] = {
    **{name: MALE for name in _MALE_NAMES.split()},
    **{name: FEMALE for name in _FEMALE_NAMES.split()},
}

# Titles that tell a person's gender; the dot is optional.
TITLE_GENDER = {
    "mr": MALE,
    "mrs": FEMALE,
    "ms": FEMALE,
    "miss": FEMALE,
    "madam": FEMALE,
    "madame": FEMALE,
    "sir": MALE,
    "lord": MALE,
    "lady": FEMALE,
    "dame": FEMALE,
    "king": MALE,
    "queen": FEMALE,
    "prince": MALE,
    "princess": FEMALE,
    "congressman": MALE,
    "congresswoman": FEMALE,
    "chairman": MALE,
    "chairwoman": FEMALE,
    "spokesman": MALE,
    "spokeswoman": FEMALE,
    "councilman": MALE,
    "councilwoman": FEMALE,
    "businessman": MALE,
    "businesswoman": FEMALE,
    "actress": FEMALE,
    "father": MALE,
    "sister": FEMALE,
    "brother": MALE,
}

PRONOUN_GENDER = {
    "he": MALE,
    "him": MALE,
    "his": MALE,
    "himself": MALE,
    "she": FEMALE,
    "her": FEMALE,
    "hers": FEMALE,
    "herself": FEMALE,
}


def of_first_name(word: str) -> str | None:
    """ "f" or "m" for a common given name, None when unknown or shared."""
    key = word.casefold().strip(".’'")
    found = FIRST_NAMES.get(key)
    if found is None and not key.isascii():
        plain = unicodedata.normalize("NFKD", key)
        plain = "".join(ch for ch in plain if not unicodedata.combining(ch)).replace("ø", "o")
        found = FIRST_NAMES.get(plain)
    return found


def of_title(word: str) -> str | None:
    """ "f" or "m" for a title such as Mrs., Mr or congresswoman."""
    return TITLE_GENDER.get(word.casefold().strip(".’'"))
