"""Places that news names as often as people: a capitalised word that is one of these
is not a speaker by itself ("In Ohio, Trump said", "research on Belarus, Russia and
Ukraine"). A short hand-written list: countries, US states and their abbreviations,
regions and cities frequent in news. Surnames that are also cities (Houston, Jackson)
are left out; a known person's surname is matched before this list is read."""

from __future__ import annotations

from functools import lru_cache

_PLACES = """
    afghanistan albania algeria angola argentina armenia australia austria azerbaijan
    bahrain bangladesh belarus belgium bolivia bosnia brazil britain bulgaria burma
    cambodia cameroon canada chile china colombia congo croatia cuba cyprus czechia
    denmark ecuador egypt england estonia ethiopia finland france georgia germany ghana
    greece guatemala haiti honduras hungary iceland india indonesia iran iraq ireland
    israel italy jamaica japan jordan kazakhstan kenya korea kosovo kuwait kyrgyzstan
    laos latvia lebanon libya lithuania luxembourg macedonia malaysia mali malta mexico
    moldova mongolia montenegro morocco mozambique myanmar nepal netherlands nicaragua
    niger nigeria norway oman pakistan palestine panama paraguay peru philippines poland
    portugal qatar romania russia rwanda scotland senegal serbia singapore slovakia
    slovenia somalia spain sudan sweden switzerland syria taiwan tajikistan tanzania
    thailand tunisia turkey turkmenistan uganda ukraine uruguay uzbekistan venezuela
    vietnam wales yemen zambia zimbabwe america europe asia africa antarctica oceania
    eurasia scandinavia crimea donbas gaza palestine kurdistan tibet
    alabama alaska arizona arkansas california colorado connecticut delaware florida
    hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland
    massachusetts michigan minnesota mississippi missouri montana nebraska nevada ohio
    oklahoma oregon pennsylvania tennessee texas utah vermont virginia wisconsin wyoming
    ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn
    miss mo mont neb nev okla ore pa tenn tex vt va wash wis wyo
    us u.s u.s. usa u.s.a uk u.k u.k. eu d.c dc
    atlanta baltimore boston charlotte chicago cincinnati cleveland columbus dallas
    denver detroit honolulu indianapolis laredo louisville memphis miami milwaukee
    minneapolis nashville newark oakland omaha orlando philadelphia phoenix pittsburgh
    portland raleigh richmond sacramento seattle tampa tucson tulsa manhattan brooklyn
    queens bronx harlem hollywood macau hanover
    amsterdam ankara athens baghdad bangkok beijing beirut berlin brussels bucharest
    budapest cairo caracas copenhagen damascus dublin geneva havana helsinki istanbul
    jerusalem kabul kiev kyiv lagos lisbon london madrid manila minsk moscow mumbai
    nairobi oslo ottawa paris prague pyongyang rome seoul shanghai stockholm sydney
    tehran tokyo toronto vienna warsaw brest hanoi riyadh doha dubai kabul
    midwest appalachia mideast
"""
_MULTI_WORD = """
    united states; united kingdom; great britain; new york; new jersey; new mexico;
    new hampshire; north carolina; south carolina; north dakota; south dakota;
    west virginia; rhode island; district of columbia; new york city; los angeles;
    san francisco; san diego; san antonio; san jose; las vegas; new orleans;
    salt lake city; kansas city; st. louis; des moines; fort worth; el paso;
    long island; staten island; silicon valley; wall street; capitol hill;
    middle east; north korea; south korea; south africa; saudi arabia; new zealand;
    sri lanka; hong kong; latin america; south america; north america; central america;
    east asia; southeast asia; western europe; eastern europe; the west; soviet union;
    united arab emirates; czech republic; ivory coast; puerto rico; vatican city;
    west bank; gaza strip
"""
PLACES = frozenset(_PLACES.split()) | frozenset(
    " ".join(entry.split()) for entry in _MULTI_WORD.split(";") if entry.strip()
)


# Asked of the same few names again and again (is_org, is_place, runs with 'and').
@lru_cache(maxsize=65536)
def is_known_place(folded: str) -> bool:
    """A folded name (lower case, no diacritics) that is a place: 'ohio', 'u.s',
    'new hampshire', or several joined by 'and' ('russia and ukraine')."""
    folded = folded.strip(" .,").removeprefix("the ")
    if folded in PLACES or folded.rstrip(".") in PLACES:
        return True
    parts = [p.strip() for p in folded.replace(" and ", ",").split(",") if p.strip()]
    return len(parts) > 1 and all(p in PLACES or p.rstrip(".") in PLACES for p in parts)
