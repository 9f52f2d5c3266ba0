#!/usr/bin/env python3
"""Derives briefsmith's semantic word classes from the Open English WordNet.

Usage:
    python3 data/lexicon/build.py WORDNET [--out FILE]
    python3 data/lexicon/build.py WORDNET --report     # roots, cuts, counts (Markdown)
    python3 data/lexicon/build.py WORDNET --list CLASS # e.g. --list noun:harm
    python3 data/lexicon/build.py WORDNET --why LEMMA  # which senses put it where

WORDNET is a clone of https://github.com/globalwordnet/english-wordnet, bare
(a mirror) or checked out. The script reads its YAML sources (the sense
entries, the noun, verb and adjective synsets, and src/sense-orders.csv) with
a small reader for the regular subset of YAML those files use, and writes
classes.tsv beside itself: one line per lemma and part of speech with the
classes it belongs to. Python 3 standard library only; the output depends on
nothing but the WordNet commit.

How a word gets a class:

* A class is a set of synsets: its ROOTS and all their hyponyms (hypernym
  closure), never descending into a CUT synset (a root inside a cut subtree
  still counts). A root written "ID:*" is that synset alone, without
  hyponyms; "ID:lemma|lemma" is that synset for those lemmas only, which
  takes one sense of a synset whose other members would be noise ("coerce"
  from "coerce, hale, squeeze, pressure, force"). Person and place are
  supersenses (WordNet's lexicographer files) rather than roots; "within"
  keeps only the synsets of the given supersenses.
* A lemma is in a class when one of its first "depth" senses, in WordNet's
  sense order, is in the class: "fire" is not a harm verb by its rare
  senses, nor "party" a hostile group. "literal" classes ignore the later
  senses of a noun whose first sense is a concrete thing (a "fox" is not a
  person); "later_after" lets later senses count only after a first sense
  of the given supersenses.
* EXTRA_SENSES give a lemma a sense beyond that depth, or one WordNet files
  under another word, each with the reason; DROPPED takes a lemma out of a
  class and NOT_NOUNS out of every noun class, each with the reason.
* Case variants are merged ("Congress" and "congress", in the order of
  src/sense-orders.csv); acronyms ("FBI", "DoS") are left out, as are
  lemmas with digits or full stops.

This is the one place to tune the classes: edit the constants, rerun, and
read the diff of classes.tsv.
"""

import argparse
import collections
import csv
import io
import os
import re
import subprocess
import sys

# ---------------------------------------------------------------------------
# Tuning: roots, cuts, depths, extra senses, dropped lemmas.
# Each id is a synset of the Open English WordNet; the comment names its
# members, `--report` prints its gloss.
# ---------------------------------------------------------------------------

# How many of a lemma's first senses may put it in a class.
DEFAULT_DEPTH = 3

# A noun whose first sense is a concrete thing is not a person or a group by
# a later, figurative sense: "fox", "snake", "wolf", "muscle", "ring", "pack".
# Classes that set "literal" apply this.
CONCRETE = {
    "noun.animal", "noun.artifact", "noun.body", "noun.food", "noun.object",
    "noun.plant", "noun.substance",
}

NOUN = {
    "person": {
        # The supersense alone: every noun.person sense is a person.
        "lexnames": ["noun.person"],
        "depth": 2,
        "literal": True,
    },
    "group": {
        # Groups of people only: noun.group also holds herds, taxa, sets
        # of things and systems.
        "roots": [
            "07967506-n",  # social group
            "07958392-n",  # people (any group of human beings)
            "07983996-n",  # ethnic group, ethnos
            "07984596-n",  # race
            "08177175-n",  # citizenry, people
            "08197108-n",  # multitude, masses, mass, hoi polloi, people
            "02475618-n",  # world, human race, humanity, humankind
        ],
        "cuts": [
            "08384807-n",  # political system, form of government (absolutism, -isms)
            "08401740-n",  # date, appointment, engagement (a meeting arranged)
            "08120601-n",  # phylum (of languages)
        ],
        # Ceremonies, parties and railways hang under social groups too.
        "within": ["noun.group"],
        "depth": 2,
        "literal": True,
    },
    "hostile": {
        "roots": [
            "09657157-n",  # wrongdoer, offender (criminal, attacker, thief …)
            "10722430-n",  # terrorist
            "10094523-n",  # extremist
            "10229738-n",  # insurgent, insurrectionist, freedom fighter, rebel
            "10170076-n",  # guerrilla, guerilla, irregular, insurgent
            "10329281-n",  # mercenary, soldier of fortune
            "09702576-n",  # Jihadist
            "10174791-n",  # cyber-terrorist, cyberpunk
            "09993808-n",  # cracker (gains unauthorized access to computers)
            "10075655-n",  # enemy, foe, opposition (an armed adversary)
            "08207412-n",  # enemy (an opposing military force)
            "07963437-n",  # enemy (any hostile group of people)
            "09792668-n:adversary|antagonist",  # adversary, antagonist, opponent
            "08260983-n",  # gang, pack, ring, mob (an association of criminals)
            "08262093-n",  # organized crime, gangland, gangdom (syndicates, mafia)
            "08201518-n",  # mob, rabble, rout (a disorderly crowd)
            "08407468-n:militia",  # militia (civilians trained as soldiers, not the army)
            "08253884-n",  # drug cartel
            "08224130-n",  # paramilitary, paramilitary force, paramilitary unit
            "08409094-n",  # terrorist organization, terrorist group, foreign terrorist organization
            # Kept from under the deceivers cut below: fraud is a crime.
            "09974494-n",  # swindler, defrauder, scammer, grifter (con artist …)
            "10071145-n",  # embezzler, defalcator, peculator
            "10124854-n",  # forger, counterfeiter
        ],
        # Wrongdoers by WordNet's ethics rather than by crime or enmity.
        "cuts": [
            "10017621-n",  # deceiver, cheat, trickster (liars, hypocrites, bluffers, mimics)
            "10541917-n",  # reprobate, miscreant (sexual deviance, black sheep)
            "10620486-n",  # sinner, evildoer
            "10382616-n",  # no-show, nonattender, truant
            "10530832-n",  # recidivist, backslider, reversionist (relapsing into habits)
            "10614265-n",  # shyster, pettifogger
            "10606082-n",  # shark (ruthless and greedy)
            "10026496-n",  # deserter, defector
            "09860259-n",  # barrator (guilty of barratry)
            "09982638-n",  # convict (punished, not acting)
            "10497170-n",  # probationer, parolee
            "10347141-n",  # moll, gun moll (a gangster's girlfriend)
            "09864997-n",  # beast, wolf, savage, brute, wildcat (a cruelly rapacious person)
            "10457029-n",  # plagiarist, literary pirate (copying, not security)
            "10216344-n",  # iconoclast (attacks cherished ideas)
            "10216464-n",  # iconoclast, image breaker
        ],
        "literal": True,
    },
    "institution": {
        "roots": [
            "08067430-n",  # government, authorities, regime
            "08181484-n",  # administration, governance, governing body, establishment
            "08094128-n",  # administrative unit, administrative body (agency, ministry …)
            "08180172-n",  # legislature, legislative assembly, legislative body
            "08346380-n",  # court, tribunal, judicature
            "08226608-n",  # police, police force, constabulary, law
            "08215965-n",  # military, armed forces, armed services
            "08208160-n",  # army, regular army, ground forces
            "08208631-n",  # navy, naval forces
            "08356381-n",  # intelligence, intelligence service, intelligence agency
            "08341444-n",  # committee, commission
            "08327879-n",  # council (a body serving in an administrative capacity)
            "08195465-n",  # state (the people comprising the government)
            "08131836-n:department",  # department, section (a division of an organisation)
        ],
        # Units of firms and schools, which sit beside the government's.
        "cuts": [
            "08397896-n",  # management (those in charge of running a business)
            "08132179-n",  # academic department
            "08135014-n",  # business department
            "08135966-n",  # personnel department, personnel office, personnel, staff office
            "08137054-n",  # payroll, payroll department
            "08137885-n",  # security, security department (of an institution's property)
            "08371450-n",  # placement office, placement center
        ],
    },
    "harm": {
        "roots": [
            "00734044-n",  # wrongdoing, wrongful conduct, misconduct (crime, fraud, theft …)
            "00955074-n",  # military action (war, battle, attack …)
            "00974725-n",  # attack, onslaught, onset, onrush
            "00966680-n",  # aggression, hostility (violent action)
            "00961007-n",  # conflict, struggle, battle
            "14004888-n",  # war, state of war
            "14003773-n",  # hostility, enmity, antagonism (state)
            "00761047-n",  # terrorism
            "01129566-n",  # coercion (by force of authority)
            "00157632-n",  # compulsion, coercion
            "01224966-n",  # bullying, intimidation
            "00419038-n",  # mistreatment (abuse, persecution, harassment, torture …)
            "00421707-n",  # repression (the act)
            "14020056-n",  # repression (a state of forcible subjugation)
            "14020204-n",  # oppression (the state)
            "00219879-n",  # killing, kill, putting to death
            "07376176-n",  # killing, violent death
            "00217881-n",  # destruction, devastation
            "01247442-n",  # sabotage
            "00655806-n",  # espionage
            "01114037-n",  # smuggling
            "01116165-n",  # drug traffic, drug trafficking, narcotraffic
            "01115977-n:trafficking",  # traffic (illicit trade), for the lemma trafficking only
            "01053145-n",  # money laundering
            "00764983-n",  # cyber-terrorism, cyberwar
            "07329438-n",  # calamity, catastrophe, disaster, tragedy, cataclysm
            "14499874-n",  # catastrophe, disaster (the state)
            "07449873-n",  # outbreak, eruption (epidemic, pandemic …)
            # Disease as such and the diseases that spread: not every ailment
            # (acne, warts, cataracts) or plant blight.
            "14093842-n:disease",  # disease
            "14145535-n",  # communicable disease (cholera, measles, influenza …)
            "14097876-n",  # endemic, endemic disease
            "14095905-n",  # anthrax
            "13956593-n",  # crisis
            "00751065-n",  # treachery, betrayal, treason, perfidy
            "00770410-n",  # forgery
            "14564367-n",  # danger (the condition: insecurity …)
            "14564646-n",  # danger (a cause of injury: threat, hazard, risk …)
            "13996244-n",  # disorder (a disturbance of the peace)
            "13999106-n",  # instability (an unstable order)
            "04861179-n",  # corruptness, corruption
            "06647838-n",  # disinformation
            "06600315-n",  # malware (ransomware …)
            "13563317-n:proliferation",  # proliferation (especially of deadly weapons)
            "13497147-n",  # erosion (a gradual decline of something)
            "07375728-n:collapse",  # collapse (a sudden falling down)
            "07493085-n",  # crash, collapse (of business or prices)
            "14473331-n:famine",  # dearth, famine, shortage
            "00822744-n:censorship",  # censoring, censorship (banning information)
            "00398155-n:censorship",  # censoring, censorship (deleting parts of publications)
            # Briefs treat a changing climate as a harm; WordNet files it as a
            # natural process.
            "13470623-n",  # climate change, global climate change
            "13509513-n",  # global warming
        ],
        "cuts": [
            # Wrongdoing by manners, morals or sport rather than harm.
            "00748327-n",  # vice (gambling, drinking, prostitution …)
            "00758433-n",  # sin, sinning (the deadly sins: pride, envy, sloth …)
            "00752488-n",  # falsification, misrepresentation (lying, pretence, bluff)
            "00750872-n",  # dishonesty, knavery (kept: treachery, forgery as roots)
            "00738368-n",  # familiarity, impropriety, indecorum, liberty
            "00738486-n",  # abnormality, irregularity (of etiquette)
            "00738834-n",  # indecency, impropriety
            "00740083-n",  # indiscretion, peccadillo
            "00740170-n",  # infantilism
            "00737673-n",  # mischief, mischief-making, devilry
            "00743772-n",  # perversion (turning to a wrong use)
            "00766841-n",  # champerty
            "00767144-n",  # maintenance, criminal maintenance
            "00772486-n",  # foul (in sport)
            "00772323-n",  # copyright infringement
            "00773093-n",  # patent infringement
            "00419407-n",  # annoyance, annoying, irritation, vexation
            "00426908-n",  # tease, teasing, ribbing
            "01212281-n",  # disservice, ill service, ill turn
            "01265511-n",  # spoil, spoiling, spoilage
            # Military action that defends rather than harms.
            "00956422-n",  # defense, defence, defensive measure
            "00957917-n",  # police action
            "00958098-n",  # resistance (to the enemy's advance)
            "00965860-n",  # pacification, counterinsurgency
            "14056667-n",  # juncture, critical point, crossroads (a moment of decision)
            # Odd corners of the closures above.
            "00223243-n",  # fell (felling a tree)
            "14003271-n",  # roller coaster (abrupt changes)
            "14001613-n",  # stir, splash (a sensational news event)
            "14006324-n",  # suspicion (the state of being suspected)
            "00782120-n",  # holdout (hiding cards in a gambling game)
            "14567358-n",  # speculativeness (financial risk)
            "00424566-n",  # picket, piquet (a 17th-century military punishment)
        ],
    },
    "place": {
        "lexnames": ["noun.location"],
        # A second sense counts after a first that is a place, the people of
        # one, or a thing one can stand in (country, village, haven, hub),
        # not after "air", "darkness", "safety" or "right".
        "depth": 2,
        "later_after": ["noun.location", "noun.group", "noun.artifact", "noun.object"],
    },
}

# Verb hierarchies are shallow and wide ("supply" spans feeding, wiring
# and glazing), so most verb roots take one synset ("ID:*") or some of its
# lemmas; closures are kept where every hyponym belongs (kill, attack).
VERB = {
    "harm": {
        "roots": [
            "01121587-v",  # attack, assail (launch an attack; bomb, shell, invade …)
            "01120867-v:attack|aggress",  # attack, aggress (go on the offensive)
            "01123177-v",  # harass (exhaust by attacking repeatedly)
            "01122487-v",  # assail, assault, set on, attack (rape, molest …)
            "01326622-v",  # kill (murder, execute, massacre, assassinate …)
            "00069650-v",  # injure, wound (maim, torture, stab, shoot …)
            "00259743-v:damage",  # damage
            "00293434-v:*",  # mutilate, mangle, cut up
            "00263767-v:impair",  # impair (make worse or less effective)
            "01622948-v:destroy|destruct",  # destroy, destruct
            "01660001-v:*",  # demolish, pulverize (destroy completely)
            "01660252-v:*",  # demolish (ruin or destroy)
            "01665698-v:raze|rase|tear down|demolish",  # level, raze, tear down
            "01666012-v:exterminate|extirpate|eradicate",  # uproot, eradicate, exterminate
            "01624256-v:*",  # wipe out, sweep away
            "00471632-v:annihilate|decimate|wipe out",  # eliminate, annihilate, decimate (kill in numbers)
            "01566925-v",  # destroy, ruin (devastate, ravage, vandalize, burn down …)
            "02702962-v",  # endanger, jeopardize, menace, threaten, imperil, peril
            "00873067-v:*",  # threaten (utter intentions of injury)
            "01823521-v:*",  # intimidate (compel or deter by threats)
            "01784999-v:intimidate|terrorize|terrorise",  # intimidate (make fearful)
            "02510211-v:coerce",  # coerce, hale, squeeze, pressure, force
            "02246403-v:*",  # extort (obtain through intimidation)
            "02245889-v:extort",  # extort, squeeze, rack, gouge, wring
            "01216178-v",  # seize (take by force: kidnap, hijack, wrest …)
            "02277394-v:seize|conquer",  # appropriate, capture, seize, conquer
            "01793315-v:harass|harry|molest",  # harass, hassle, harry, plague, molest …
            "02591574-v:*",  # persecute, oppress
            "02429499-v:*",  # oppress, suppress, crush
            "02428975-v:repress|subjugate|subdue",  # repress, quash, subjugate
            "02522260-v",  # mistreat, maltreat, abuse, ill-use, ill-treat
            "02326737-v",  # steal, rip off (rob, loot, embezzle, burgle …)
            "02349564-v:*",  # plunder, despoil, loot, pillage
            "02440481-v:infiltrate",  # infiltrate, penetrate (a group, to spy)
            "02549304-v:sabotage|undermine|subvert",  # sabotage, undermine, subvert …
            "01165070-v:exploit",  # exploit, work (use to one's advantage)
            "01038464-v:*",  # compromise (expose to danger or suspicion)
            "02350852-v:*",  # smuggle
            "02265930-v:*",  # traffic (deal illegally)
            "00189281-v:*",  # launder (convert illegally obtained funds)
            "02576599-v:*",  # break in, break (enter property without authority)
            "02577166-v:*",  # trespass, intrude (enter unlawfully)
        ],
        "cuts": [
            # Hyponyms of the roots above that name games, accidents, minor
            # hurts or figurative uses.
            "01129837-v",  # besiege, beleaguer, surround, hem in, circumvent (kept: besiege)
            "01122368-v",  # rush (attack suddenly)
            "01123596-v",  # jump (make a sudden physical attack on)
            "01117424-v",  # sic, set (urge to attack)
            "01117329-v",  # bait (attack with dogs)
            "00480322-v",  # erase, wipe out (from memory)
            "01325518-v",  # butcher, slaughter (animals for food)
            "01329005-v",  # take off (prove fatal)
            "01329815-v",  # put away, put to sleep
            "01329572-v",  # overlie, overlay
            "01328775-v",  # sacrifice
            "91001461-v",  # gank (in a video game)
            "00070507-v",  # calk
            "00071556-v",  # pull, overstretch
            "00090876-v",  # twist, sprain, wrench, turn
            "00091265-v",  # subluxate
            "00107543-v",  # fracture, break (a bone)
            "01312138-v",  # skin, scrape
            "01495382-v",  # bruise, contuse
            "01611412-v",  # graze
            "00106714-v",  # run down, run over
            "00740445-v",  # break (find a flaw in)
            "01372423-v",  # break, bust (ruin completely)
            "01567992-v",  # get (overcome or destroy)
            "01568141-v",  # devour
            "01568702-v",  # consume (by consumption)
            "01568576-v",  # explode (destroy by exploding)
            "01608772-v",  # wash out
            "02282906-v",  # plagiarize, lift
            "02327592-v",  # hustle, pluck, roll
            "02327429-v",  # walk off
            "00379694-v",  # backfire (a controlled fire)
            "00379825-v",  # cremate
            "02490360-v",  # flight (shoot a bird in flight)
            "01139481-v",  # grass (shoot down birds)
            "00091956-v",  # hock
            "01523288-v",  # key (scratch a car)
            "01127034-v",  # stroke (a ball)
        ],
    },
    # A harm only with a hostile subject or a harmful object: "target".
    "weak_harm": {
        "roots": [
            "01153025-v:target",  # target, aim, place, direct, point
        ],
    },
    "help": {
        "roots": [
            "02553283-v:help|assist|aid|help out",  # help, assist, aid
            "02554119-v:*",  # help out
            "02554407-v:*",  # succor, succour
            "00519475-v:facilitate",  # facilitate, ease, alleviate
            "02561834-v:support|back up",  # support, back up
            "02223876-v:support",  # support (materially or financially)
            "02562643-v:back|endorse|indorse",  # second, back, endorse
            "02459338-v:back|endorse|indorse|support",  # back, endorse, support
            "02222048-v",  # finance (bankroll, subsidize, seed, back …)
            "02223706-v:fund",  # fund
            "02220865-v:fund",  # fund (provide a fund)
            "02224722-v:sponsor",  # sponsor, patronize
            "02224930-v:sponsor",  # sponsor (assume responsibility for)
            "02332196-v:supply|provide|furnish",  # supply, provide, render, furnish, offer
            "01185006-v:provide|supply",  # provide, supply, ply, cater
            "02339863-v:*",  # arm (supply with arms)
            "01089608-v:arm",  # arm, build up, fortify, gird
            "02344409-v:equip|outfit|fit out",  # equip, fit, fit out, outfit
            "00604693-v:train",  # train, develop, prepare, educate
            "02662486-v:shelter",  # shelter
            "02662285-v:*",  # harbor, harbour (secretly shelter)
            "01196951-v:host",  # host
            "01130619-v:protect",  # protect
        ],
    },
    # Help that gives a threat a place or a pass: the sanctuary cue.
    "shelter": {
        "roots": [
            "02662486-v:shelter|house",  # shelter (provide shelter for)
            "02662285-v:*",  # harbor, harbour (secretly shelter fugitives or criminals)
            "01196951-v:host",  # host
            "02149298-v:hide|conceal",  # hide, conceal
            "01130619-v:protect",  # protect
            "00670017-v:tolerate",  # tolerate, put up with
            "02427979-v:allow|permit",  # let, allow, permit
            "00803980-v:allow|permit",  # permit, allow, let, countenance
        ],
    },
    "counter": {
        "roots": [
            "02571406-v:counter|forestall",  # anticipate, foresee, forestall, counter
            "01094777-v:*",  # battle, combat
            "01093838-v:*",  # fight, oppose, fight back, defend (resist strongly)
            "01092746-v:fight",  # contend, fight, struggle
            "01119003-v:resist|withstand",  # resist, hold out, withstand
            "01133623-v:*",  # repel, repulse, fight off, rebuff, drive back
            "01110559-v:defeat|overcome",  # get the better of, overcome, defeat
            "01116721-v:*",  # conquer (overcome by conquest)
            "01111362-v:rout",  # rout, rout out, expel (cause to flee)
            "01665698-v:dismantle",  # level, raze, dismantle, tear down
            "01661660-v:dismantle",  # disassemble, dismantle, take apart
            "00555375-v:*",  # disrupt (throw into disorder)
            "00780320-v:disrupt",  # interrupt, disrupt, break up, cut off
            "00521437-v:disrupt",  # interrupt, disrupt (interfere in an activity)
            "02563998-v:thwart|foil|frustrate|scotch",  # thwart, foil, frustrate …
            "02458316-v:prevent|forestall|preclude",  # prevent, forestall, preclude
            "02455370-v:prevent",  # prevent, keep
            "02458770-v:avert|head off|stave off|fend off|ward off|deflect",  # avert, stave off …
            "01132017-v:*",  # ward off
            "02563025-v:obstruct|block|hinder|stymie",  # obstruct, block, hinder, stymie
            "02565578-v:halt|block|stop",  # stop, halt, block, kibosh
            "00910052-v:deter",  # deter, discourage
            "00772186-v:*",  # dissuade, deter
            "01120349-v:*",  # neutralize (make incapable of military action)
            "01090246-v:*",  # disarm, demilitarize
            "02549571-v:counteract|neutralize|neutralise|counterbalance",  # counteract …
            "02570888-v:*",  # countercheck, counteract
            "02570756-v:counteract",  # antagonize, counteract
            "01217701-v:apprehend|arrest|nab|collar",  # collar, nab, apprehend, arrest
            "01133899-v:*",  # check, turn back, arrest, stop, contain, hold back
            "02500687-v:*",  # confine, detain
            "02500005-v:*",  # imprison, incarcerate, jail, put behind bars, remand …
            "02501036-v:*",  # intern
            "01217985-v:capture",  # get, catch, capture
            "01442997-v:intercept",  # intercept, stop (seize on its way)
            "02587985-v:*",  # prosecute (conduct a prosecution)
            "02587562-v:*",  # prosecute (bring a criminal action against)
            "02526950-v:*",  # indict
            "00908320-v:*",  # convict
            "02509014-v:extradite|deport",  # extradite, deliver, deport
            "02504961-v:deport|expel",  # expatriate, deport, exile
            "02505278-v:*",  # punish, penalize, penalise
            "02499315-v:ban",  # ban, censor
            "00798054-v:*",  # ban (prohibit by legal means)
            "01130221-v:*",  # defend (act against an attack)
            "01132302-v:*",  # defend, guard, hold
            "01130619-v:protect",  # protect
            "01131763-v:guard",  # guard, ward
            "01140528-v:*",  # safeguard
            "01132595-v:shield",  # shield, screen
            "00199225-v:*",  # mitigate (to temper)
            "00907990-v:mitigate",  # extenuate, palliate, mitigate
            "00463047-v:suppress|subdue|quell",  # suppress, stamp down, subdue
            "00464147-v:quell|squelch",  # squelch, quell, quench
            "00419874-v:*",  # clamp down, crack down
            "02516039-v:contain|curb|check|control",  # control, hold in, contain, check, curb
            "00237442-v:curb|curtail|restrict",  # restrict, curtail, curb
            "01081176-v:confront",  # confront, face (oppose)
            "00813960-v:confront|tackle",  # confront, face up (deal with head on)
            "02575545-v:tackle",  # undertake, tackle, take on
        ],
    },
    "say": {
        "roots": [
            "01011267-v:say|state|tell",  # state, say, tell (express in words)
            "01018011-v:*",  # allege, aver, say
            "01018787-v:*",  # assert, asseverate, maintain
            "01013058-v:affirm|assert|aver",  # affirm, verify, assert, avow, aver
            "00758383-v:*",  # claim (assert or affirm strongly)
            "01022014-v:*",  # note, observe, mention, remark
            "00774234-v:argue",  # argue, reason
            "00774685-v:*",  # argue, indicate (give evidence of)
            "00929986-v:*",  # indicate (state briefly)
            "00932768-v:*",  # suggest, intimate
            "00967067-v:report|describe",  # report, describe, account
            "00968841-v:*",  # report (announce as a finding)
            "00967903-v:*",  # announce, declare (publicly or officially)
            "01012145-v:*",  # declare (state emphatically)
            "00976399-v:announce",  # announce, denote (make known)
            "00871877-v:*",  # warn
            "00683348-v:assess|evaluate|appraise",  # measure, evaluate, assess, appraise
            "00672179-v:evaluate|judge",  # evaluate, pass judgment, judge
            "00674352-v:estimate|gauge|judge",  # estimate, gauge, approximate, judge
            "00713964-v:estimate|calculate|reckon|forecast",  # calculate, estimate, forecast
            "00928443-v:*",  # forecast, calculate (predict in advance)
            "00919743-v:predict|foretell|anticipate",  # predict, foretell, anticipate
            "02158938-v:find|discover|detect|observe",  # detect, observe, find, discover
            "00636134-v:conclude|reason",  # reason, reason out, conclude
            "00685199-v:*",  # believe
            "00691086-v:believe|consider|think",  # think, believe, consider
            "00667804-v:confirm|corroborate|substantiate",  # confirm, corroborate, substantiate
            "00818972-v:*",  # admit, acknowledge
            "00818217-v:*",  # deny (declare untrue)
            "00935783-v:disclose|reveal|divulge",  # disclose, reveal, divulge
        ],
    },
    # Verbs of a trend, for forecasts ("attacks will likely increase").
    # The closures of increase and decrease also span pruning, swelling and
    # inflating, so each sense is named.
    "change": {
        "roots": [
            # Up.
            "00156409-v:increase",  # increase (become bigger)
            "00153083-v:increase",  # increase (make bigger)
            "00154951-v:rise|go up|climb",  # rise, go up, climb (to a higher point)
            "00434185-v:climb|mount|rise",  # wax, mount, climb, rise
            "00433389-v:heighten|rise",  # heighten, rise (become more extreme)
            "00231172-v:grow",  # grow (become larger, greater)
            "00258155-v:expand",  # expand (become larger)
            "02081395-v:expand|spread out",  # expand, spread out
            "01382787-v:spread",  # spread, propagate (become widespread)
            "00291064-v:*",  # escalate, intensify, step up
            "00226992-v:*",  # intensify, deepen (become more intense)
            "00227591-v:intensify|heighten|deepen|compound",  # intensify, heighten, deepen
            "00247103-v:double",  # double, duplicate
            "00247632-v:*",  # triple, treble
            "00248276-v:multiply",  # multiply
            "00311417-v:*",  # proliferate (grow rapidly)
            "00556161-v:swell",  # swell (in size, number or intensity)
            "00304246-v:*",  # widen
            "00439133-v:accelerate|speed up",  # accelerate, speed up
            "01947577-v:soar|surge",  # soar, surge (rise rapidly)
            "02012080-v:peak",  # top out, peak
            "00529688-v:*",  # rally, rebound
            "00350758-v:resume",  # resume, restart
            # Down.
            "00151509-v:*",  # decrease, diminish, lessen, fall
            "00442400-v:decrease|lessen",  # decrease, lessen, minify
            "00432779-v:*",  # decline, go down, wane (grow smaller)
            "00433636-v:*",  # drop (go down in value)
            "00433792-v:*",  # slump, fall off, sink
            "01982213-v:plummet",  # plummet (drop sharply)
            "01971380-v:plunge",  # dive, plunge (drop steeply)
            "00268567-v:*",  # dwindle
            "00241924-v:shrink",  # shrink, reduce
            "00233328-v:*",  # subside, lessen
            "00245945-v:abate|let up|die away",  # abate, let up
            "00291502-v:de-escalate|step down",  # de-escalate, step down
            "00291745-v:*",  # de-escalate
            "00430013-v:reduce|cut|cut back|cut down",  # reduce, cut down, cut back
            "00223926-v:*",  # weaken (become weaker)
            "00152582-v:*",  # taper (diminish gradually)
            "00441535-v:slow|slow down|slacken",  # slow, slow down (become slower)
            # Worse, better, steady.
            "00204228-v:*",  # worsen, decline
            "00092045-v:deteriorate|degenerate",  # devolve, deteriorate, degenerate
            "00206293-v:improve",  # better, improve (make better)
            "00205454-v:improve",  # better, improve (get better)
            "00272745-v:*",  # stabilize, stabilise (become stable)
            "01880900-v:fluctuate",  # fluctuate, vacillate, waver
            # Continuing.
            "00117793-v:stay|remain",  # stay, remain, rest (stay the same)
            "02733337-v:*",  # stay, stay on, continue, remain
            "02643676-v:*",  # remain (be left)
            "02690747-v:continue|go on|proceed",  # continue, go on, proceed, keep
            "02685709-v:continue|carry on",  # continue, carry on
            "02653599-v:persist|prevail|endure",  # prevail, persist, endure
            "00351115-v:persist",  # persevere, persist
            "02737117-v:*",  # linger (remain present although waning)
        ],
    },
}

ADJECTIVE = {
    "hostile": {
        # Adjectives have no hypernyms: each root is one synset.
        "roots": [
            "00226323-a",  # malicious
            "00228595-a",  # malign (evil or harmful in nature)
            "00226107-s:malevolent|malign|malefic",  # malefic, malevolent, malign, evil
            "01247284-a",  # hostile (characterized by enmity)
            "01081517-a",  # hostile (not of your own or allied forces)
            "01325275-s",  # criminal (guilty of crime)
            "01405767-s",  # criminal, felonious
            "01539365-s:extremist",  # extremist, radical, ultra
            "01575140-s",  # violent (effected by force or injury)
            "02520937-a:violent",  # violent (great force)
            "01406764-s",  # illegitimate, illicit, outlaw, outlawed, unlawful
            "01404858-a",  # illegal
            "01405584-s",  # bootleg, black-market, contraband, smuggled
            "01247720-s",  # aggressive, belligerent
            "01746964-s:militant|warlike",  # militant, hawkish, warlike
            "01746786-s",  # belligerent, militant, war-ridden, warring
            "00966472-s",  # insurgent, seditious, subversive
            "01832045-s",  # coercive
            "01633893-s",  # marauding, predatory, raiding
            "00030911-s",  # predaceous, predacious, predatory (victimizing others)
            "01399338-s",  # lawless, outlaw
            "01248012-s",  # antagonistic, antipathetic
            "01249262-s:inimical",  # unfriendly, inimical
            "01226630-s:fraudulent",  # deceitful, fallacious, fraudulent
            "00623350-a",  # corrupt (lacking in integrity)
            "02326807-a:corrupt|crooked",  # crooked, corrupt
            "01164128-s",  # abusive (physical or psychological maltreatment)
            "01266123-s:barbarous|brutal|cruel|savage|vicious",  # barbarous, brutal, cruel …
            "01399052-a",  # unlawful
            "02763559-a",  # jihadi (of or relating to a jihad)
            "01731073-s:fanatic|fanatical",  # fanatic, fanatical, overzealous, rabid
            "01903445-s:seditious",  # seditious (arousing to rebellion)
            "00966128-s:traitorous|treasonable|treasonous",  # faithless, traitorous, treasonous
            "00963283-s:perfidious|treacherous",  # punic, perfidious, treacherous
            "00720861-a",  # undemocratic
            "00721128-s",  # authoritarian, autocratic, dictatorial, despotic, tyrannical
            "00792029-s",  # oppressive, tyrannical, tyrannous
            "02011272-s:repressive",  # inhibitory, repressive
            "02525059-s",  # nefarious, villainous
            "01135435-s:sinister",  # black, dark, sinister (stemming from evil)
            "00195958-s:menacing|threatening|sinister",  # menacing, ominous, sinister, threatening
        ],
    },
}

# Senses a lemma gets regardless of depth, or borrowed from a synset it is
# not a member of: (lemma, pos, synset, why).
EXTRA_SENSES = [
    ("torture", "n", "00422440-n",
     "the act of torture is WordNet's fifth sense, after four of pain and distortion"),
    ("occupy", "v", "01128786-v",
     "military occupation is the fifth sense, after keeping busy and residing"),
    ("strike", "v", "01126313-v",
     "the military strike is the fourth sense, after a blow, an impression and a collision"),
    ("fall", "v", "00151509-v",
     "'decrease' is a later sense of fall than the three of motion"),
    ("secure", "v", "01140528-v",
     "WordNet's secure procures, fastens or guarantees; briefs secure borders ('safeguard: make safe')"),
    ("hacker", "n", "09993808-n",
     "WordNet's hacker is benign; the malicious sense briefs mean is filed under 'cracker'"),
    ("trafficker", "n", "10515140-n",
     "WordNet's trafficker is any seller; briefs mean the illegal trade ('drug trafficker')"),
    ("cartel", "n", "08253884-n",
     "WordNet's cartel is a business trust; briefs mean the drug cartel it lists as a hyponym"),
    ("militant", "n", "10170076-n",
     "WordNet's militant is an activist; in security writing it is an irregular fighter"),
    ("sanction", "v", "02505278-v",
     "WordNet has only 'approve'; briefs use 'sanction' for 'penalize'"),
    ("hack", "v", "02576599-v",
     "WordNet's hack cuts, copes or codes; briefs mean breaking in ('break in')"),
    ("cell", "n", "08375521-n",
     "the unit of a movement (a terrorist cell) is the fourth sense, after compartments and biology"),
    ("movement", "n", "08481612-n",
     "the social or political movement is the fourth sense, after three of motion"),
    ("force", "n", "08224937-n",
     "the body of people under orders (security forces) is the fourth sense, after three of power"),
    ("trafficking", "n", "01115977-n",
     "not a WordNet lemma; 'traffic' in its sense of illicit trade"),
    ("cyberattack", "n", "00764983-n",
     "not a WordNet lemma; WordNet's 'cyberwar: an assault on electronic communication networks'"),
    ("cyber attack", "n", "00764983-n", "as cyberattack"),
    ("coast guard", "n", "08209487-n",
     "WordNet has only the United States Coast Guard; briefs use the common noun"),
]

# Words the analysis reads far more often as another part of speech, or in
# another sense, than by their rare noun senses: "there" (a location),
# "have" (a wealthy person), "server" (a waiter) in a cyber advisory, "five"
# (a basketball team). They are left out of every noun class.
NOT_NOUNS = [
    "have", "help", "see", "lost", "open", "inside", "outside", "here", "there",
    "despite", "same", "best", "better", "possible", "steady", "heavy", "sooner",
    "closer", "longer", "few", "forward", "super", "ordinary", "mandatory", "major",
    "reach", "transfer", "shrink", "date", "server", "router", "carrier", "clone",
    "backup", "mixer", "breaker", "trawler", "five", "eight", "nine", "eleven",
]

# Lemmas taken out of one class: (class, pos, lemma, why).
DROPPED = [
    ("hostile", "n", "collaborator",
     "the accomplice is sense 1, but briefs mostly mean research or policy partners"),
    ("hostile", "n", "dip", "a pickpocket by sense 3; in briefs, a fall ('a dip in attacks')"),
    ("hostile", "n", "booster", "a shoplifter by sense 3; in briefs, a vaccine or rocket booster"),
    ("hostile", "n", "torpedo", "a hired gun by sense 1; in briefs, the weapon"),
    ("hostile", "n", "liquidator", "a murderer by sense 1; in briefs, an insolvency officer"),
    ("hostile", "n", "apache", "a Parisian gangster by sense 2; in briefs, the helicopter"),
    ("hostile", "n", "runner", "a smuggler by sense 1; in briefs mostly 'front-runner'"),
    ("harm", "n", "action", "military action by sense 3; briefs mostly mean 'take action'"),
    ("harm", "n", "engagement", "a battle by sense 3; briefs mostly mean diplomatic engagement"),
    ("harm", "n", "attempt", "an attack on a life by sense 2; briefs mostly mean an effort"),
    ("harm", "n", "charge", "a military charge by sense 3; briefs mostly mean an accusation or a fee"),
    ("harm", "n", "breakthrough", "a military breakthrough by sense 2; briefs mostly mean progress"),
    ("harm", "n", "encounter", "a skirmish by sense 2; briefs mostly mean a meeting"),
    ("harm", "n", "technical", "a foul in sport"),
    ("harm", "n", "using", "exploitation by sense 1 ('using'); as a noun mostly the gerund"),
    ("harm", "n", "consumption", "tuberculosis by sense 3; briefs mean energy or goods consumed"),
    ("harm", "n", "cold", "the common cold by sense 2; mostly the temperature"),
    ("harm", "n", "dose", "slang for gonorrhoea"),
    ("harm", "n", "clap", "slang for gonorrhoea"),
    ("harm", "n", "petty", "petty larceny, as a clipped form"),
    ("harm", "n", "seizure", "a taking by force, but briefs mostly report seizures of drugs or arms"),
    ("harm", "n", "fencing", "receiving stolen goods by sense 3; mostly the sport or fences"),
    ("harm", "n", "shrinkage", "theft from stock by sense 3; in briefs, a decline"),
    ("harm", "n", "tribute", "extortion by sense 3; mostly 'pay tribute'"),
    ("harm", "v", "dispatch", "to kill by sense 3; briefs dispatch troops, aid and envoys"),
    ("harm", "v", "eliminate", "to kill in numbers by sense 3; briefs mostly eliminate barriers or poverty"),
    ("harm", "v", "bust", "a raid by sense 2; mostly 'break'"),
    ("harm", "v", "surprise", "to attack suddenly by sense 3; mostly 'astonish'"),
    ("harm", "v", "quarter", "to draw and quarter by sense 2; mostly 'lodge troops'"),
    ("harm", "v", "hang", "to kill by hanging by sense 3; mostly 'suspend' or 'hang on'"),
    ("harm", "v", "zap", "slang"),
    ("harm", "v", "off", "slang for 'kill'; in text, the particle"),
    ("harm", "v", "cop", "slang for 'steal'; mostly the noun 'police'"),
    ("harm", "v", "burn", "to destroy by fire by sense 2; briefs mostly burn fuel or money"),
    ("harm", "v", "abstract", "to steal by sense 2; mostly 'summarise'"),
    ("harm", "v", "sneak", "to steal by sense 2; mostly 'move stealthily'"),
    ("harm", "v", "pinch", "to steal by sense 2; mostly 'squeeze'"),
    ("harm", "v", "pocket", "to take unlawfully by sense 2; mostly 'keep'"),
    ("harm", "v", "swipe", "to steal by sense 2; mostly 'swipe a card'"),
    ("counter", "v", "lag", "to imprison, as slang; mostly 'fall behind'"),
    ("counter", "v", "control", "to hold in check by sense 3; briefs mostly say a group controls territory"),
    ("place", "n", "paint", "the key of a basketball court"),
    ("place", "n", "stand", "a standing position by sense 2; mostly a stance or a stall"),
    ("place", "n", "layer", "a region by sense 2; mostly a sheet of something"),
    ("place", "n", "surface", "a boundary by sense 2; mostly the top of something"),
    ("place", "n", "derivation", "a source by sense 1; mostly the act of deriving"),
    ("institution", "n", "agriculture", "the Department of Agriculture by a later sense; the farming sense comes first"),
    ("institution", "n", "commerce", "the Department of Commerce; the trade sense comes first"),
    ("institution", "n", "interior", "the Department of the Interior; the inside comes first"),
    ("institution", "n", "organization", "the governing body by sense 3; any organisation by sense 1"),
    ("institution", "n", "organisation", "as organization"),
]

# Lemmas left out everywhere: single letters, numbers and abbreviations with
# full stops are not words the analysis looks up. Acronyms ("FBI", "WHO",
# "DOT") are read as if absent: lower-cased they would read as words ("who",
# "dot"), and the analysis finds acronyms by their capitals.
WORD = re.compile(r"^[a-z][a-z' -]*[a-z]$")


def acronym(spelling):
    """ "FBI", "DoS", "DoD": two capitals or more, and no more small letters."""
    upper = sum(ch.isupper() for ch in spelling)
    lower = sum(ch.islower() for ch in spelling)
    return upper >= 2 and lower <= upper

# ---------------------------------------------------------------------------
# Reading the WordNet sources.
# ---------------------------------------------------------------------------


class Source:
    """A WordNet clone: bare (read with `git show`) or checked out."""

    def __init__(self, path):
        self.path = path
        self.bare = os.path.isdir(os.path.join(path, "objects")) and os.path.isfile(
            os.path.join(path, "HEAD"))

    def git(self, *args):
        flag = ["--git-dir", self.path] if self.bare else ["-C", self.path]
        return subprocess.run(["git", *flag, *args], check=True, capture_output=True).stdout

    def commit(self):
        try:
            return self.git("rev-parse", "HEAD").decode().strip()
        except (subprocess.CalledProcessError, FileNotFoundError):
            return "unknown"

    def files(self, folder):
        if self.bare:
            names = self.git("ls-tree", "--name-only", "HEAD", folder + "/").decode().split("\n")
            return sorted(n for n in names if n)
        return sorted(folder + "/" + n for n in os.listdir(os.path.join(self.path, folder)))

    def read(self, name):
        if self.bare:
            return self.git("show", "HEAD:" + name).decode("utf-8")
        with open(os.path.join(self.path, name), encoding="utf-8") as f:
            return f.read()


def unquote(text):
    """A YAML scalar as the files write it: plain, 'single' or "double" quoted."""
    text = text.strip()
    if len(text) >= 2 and text[0] == "'" and text[-1] == "'":
        return text[1:-1].replace("''", "'")
    if len(text) >= 2 and text[0] == '"' and text[-1] == '"':
        return text[1:-1].encode("latin-1", "backslashreplace").decode("unicode_escape")
    return text


def read_synsets(text, lexname, synsets):
    """A lexicographer file: `ID:` at the margin, two-space keys, `  - ` items.

    Only the keys the classes need are kept; list items continue on lines
    indented by four spaces.
    """
    keep = {"definition", "members", "hypernym", "partOfSpeech"}
    found = []
    current = key = None
    for line in text.split("\n"):
        if not line:
            continue
        if line[0] != " ":
            current = {"lexname": lexname}
            synsets[line[:-1]] = current
            found.append(current)
            key = None
        elif line.startswith("  - "):
            if key in keep:
                current[key].append(line[4:])
        elif line.startswith("    "):
            if key in keep and current[key]:
                current[key][-1] += " " + line.strip()
        else:
            name, _, value = line[2:].partition(":")
            key = name
            if name in keep:
                current[name] = [value.strip()] if value.strip() else []
    for s in found:
        for name in ("definition", "members", "hypernym"):
            s[name] = [unquote(v) for v in s.get(name, [])]


def read_entries(text, entries):
    """A sense-entry file: lemma at the margin, part of speech, its senses.

    Keeps each lemma's synsets in the order listed, which is WordNet's sense
    order.
    """
    lemma = pos = None
    in_senses = False
    for line in text.split("\n"):
        if not line:
            continue
        if line[0] != " ":
            lemma = unquote(line[:-1])
            in_senses = False
        elif line[2] != " ":
            # "n", or "n-1"/"n-2" for homographs told apart by pronunciation.
            pos = line[2:].split(":")[0].split("-")[0]
            in_senses = False
        elif line[4] not in " -":
            in_senses = line.strip() == "sense:"
        elif in_senses and (line.startswith("    - synset: ") or line.startswith("      synset: ")):
            entries[lemma].setdefault(pos, []).append(line.split(": ", 1)[1].strip())


def load(source):
    synsets = {}
    entries = collections.defaultdict(dict)
    for name in source.files("src/yaml"):
        base = os.path.basename(name)[: -len(".yaml")]
        if base.startswith("entries-"):
            read_entries(source.read(name), entries)
        elif base.startswith(("noun.", "verb.", "adj.")):
            read_synsets(source.read(name), base, synsets)
    orders = {}
    for row in csv.reader(io.StringIO(source.read("src/sense-orders.csv"))):
        if len(row) == 3:
            orders[(row[0], row[1])] = row[2].split()
    return synsets, lower_case(entries, orders)


def lower_case(entries, orders):
    """Merges "Congress" and "congress": one lemma, WordNet's merged sense order.

    src/sense-orders.csv gives the order where case variants split a lemma's
    senses; elsewhere the lower-case entry's senses come first.
    """
    merged = collections.defaultdict(dict)
    for lemma in sorted(entries, key=lambda l: (l.lower(), l != l.lower(), l)):
        if acronym(lemma):
            continue
        for pos, ids in entries[lemma].items():
            p = "a" if pos == "s" else pos
            senses = merged[lemma.lower()].setdefault(p, [])
            senses.extend(i for i in ids if i not in senses)
    for (lemma, pos), offsets in orders.items():
        senses = merged.get(lemma, {}).get(pos)
        if senses:
            rank = {o: k for k, o in enumerate(offsets)}
            senses.sort(key=lambda i: rank.get(i[:8], len(offsets)))
    return merged


# ---------------------------------------------------------------------------
# Classes.
# ---------------------------------------------------------------------------

POS_NAMES = {"n": "noun", "v": "verb", "a": "adjective"}
TABLES = {"n": NOUN, "v": VERB, "a": ADJECTIVE}


def parse_root(root):
    """ "ID" → (ID, None); "ID:*" → (ID, "*"); "ID:a|b" → (ID, {"a", "b"})."""
    sid, _, lemmas = root.partition(":")
    if lemmas == "*":
        return sid, "*"
    return sid, set(lemmas.split("|")) if lemmas else None


class Classes:
    def __init__(self, synsets, entries):
        self.synsets = synsets
        self.entries = entries
        self.extra = collections.defaultdict(list)
        for lemma, pos, sid, _ in EXTRA_SENSES:
            self.extra[(lemma, pos)].append(sid)
        self.hyponyms = collections.defaultdict(list)
        for sid, s in synsets.items():
            for h in s["hypernym"]:
                self.hyponyms[h].append(sid)
        for table in TABLES.values():
            for spec in table.values():
                for root in spec.get("roots", []) + spec.get("cuts", []):
                    sid, _ = parse_root(root)
                    if sid not in synsets:
                        sys.exit(f"error: root {root} is not a synset of this WordNet")
        for lemma, pos, sid, _ in EXTRA_SENSES:
            if sid not in synsets:
                sys.exit(f"error: extra sense {lemma} {sid} is not a synset of this WordNet")

    def closure(self, roots, cuts=frozenset()):
        """The roots and their hyponyms, never entering a cut synset.

        A root inside a cut subtree still counts: "cut the deceivers, keep
        the swindlers" is a cut and a root.
        """
        seen = set()
        stack = list(roots)
        while stack:
            sid = stack.pop()
            if sid not in seen:
                seen.add(sid)
                stack.extend(h for h in self.hyponyms.get(sid, []) if h not in cuts)
        return seen

    def members(self, spec):
        """The synsets of a class, and the senses it takes one lemma at a time."""
        roots = [parse_root(r) for r in spec.get("roots", [])]
        whole = [sid for sid, lemmas in roots if lemmas is None]
        alone = {sid for sid, lemmas in roots if lemmas == "*"}
        only = collections.defaultdict(set)
        for sid, lemmas in roots:
            if isinstance(lemmas, set):
                only[sid] |= lemmas
        cut = {parse_root(c)[0] for c in spec.get("cuts", [])}
        synsets = self.closure(whole, cut) | alone
        lexnames = set(spec.get("lexnames", []))
        if lexnames:
            synsets |= {sid for sid, s in self.synsets.items() if s["lexname"] in lexnames}
        within = set(spec.get("within", []))
        if within:
            synsets = {sid for sid in synsets if self.synsets[sid]["lexname"] in within}
        return synsets, only

    def senses(self, lemma, pos, spec):
        """The senses that count: the first few, then any extra ones."""
        listed = self.entries.get(lemma, {}).get(pos, [])[: spec.get("depth", DEFAULT_DEPTH)]
        first = self.synsets[listed[0]]["lexname"] if listed else None
        if spec.get("literal") and first in CONCRETE:
            listed = listed[:1]
        if "later_after" in spec and first not in spec["later_after"]:
            listed = listed[:1]
        return listed + self.extra.get((lemma, pos), [])

    def build(self):
        """{(lemma, pos): [class, …]} for every lemma in at least one class."""
        out = collections.defaultdict(list)
        extra = {(l, p) for l, p, _, _ in EXTRA_SENSES}
        dropped = {(c, p, l) for c, p, l, _ in DROPPED}
        dropped |= {(c, "n", l) for c in NOUN for l in NOT_NOUNS}
        for pos, table in TABLES.items():
            lemmas = sorted({l for l, ps in self.entries.items() if pos in ps} | {l for l, p in extra if p == pos})
            for name, spec in table.items():
                synsets, only = self.members(spec)
                for lemma in lemmas:
                    if not WORD.match(lemma) or (name, pos, lemma) in dropped:
                        continue
                    if any(sid in synsets or lemma in only.get(sid, ()) for sid in self.senses(lemma, pos, spec)):
                        out[(lemma, pos)].append(name)
        # Every one-word verb, so that the analysis can ask whether a word
        # can be a verb at all ("conti", "cyber" cannot; "ransom" can).
        for lemma, ps in self.entries.items():
            if "v" in ps and " " not in lemma and "-" not in lemma and WORD.match(lemma):
                out[(lemma, "v")].append("verb")
        return out

    def why(self, lemma):
        for pos, table in TABLES.items():
            for name, spec in table.items():
                synsets, only = self.members(spec)
                for k, sid in enumerate(self.senses(lemma, pos, spec)):
                    if sid in synsets or lemma in only.get(sid, ()):
                        print(f"  {POS_NAMES[pos]}:{name} by sense {k + 1} {self.describe(sid)[:110]}")

    def describe(self, sid):
        s = self.synsets[sid]
        return f"{sid} ({', '.join(s['members'])}): {s['definition'][0] if s['definition'] else ''}"


# ---------------------------------------------------------------------------
# Output.
# ---------------------------------------------------------------------------

HEADER = """\
# briefsmith semantic word classes: lemma<TAB>pos<TAB>classes (n, v, a).
# Derived by data/lexicon/build.py from the Open English WordNet
# (https://github.com/globalwordnet/english-wordnet, commit {commit}),
# licensed CC BY 4.0 and under the WordNet licence (LICENSE-WORDNET.md).
# Regenerate; do not edit by hand.
"""


def write_tsv(path, classes, commit):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER.format(commit=commit))
        for (lemma, pos), names in sorted(classes.items()):
            f.write(f"{lemma}\t{pos}\t{','.join(names)}\n")


def report(c, classes):
    """The roots, cuts, extra senses and dropped lemmas, as Markdown for the README."""
    counts = collections.Counter()
    for (_, pos), names in classes.items():
        for n in names:
            counts[(pos, n)] += 1
    for pos, table in TABLES.items():
        for name, spec in table.items():
            depth = spec.get("depth", DEFAULT_DEPTH)
            print(f"### {POS_NAMES[pos]} `{name}`: {counts[(pos, name)]} lemmas\n")
            rules = [f"first {depth} senses"]
            if spec.get("literal"):
                rules.append("literal first sense (see CONCRETE)")
            if "later_after" in spec:
                rules.append("a later sense only after a first in " + ", ".join(spec["later_after"]))
            if "within" in spec:
                rules.append("only synsets in " + ", ".join(spec["within"]))
            print("Rules: " + "; ".join(rules) + ".\n")
            for lex in spec.get("lexnames", []):
                print(f"- every synset in the supersense `{lex}`")
            for root in spec.get("roots", []):
                sid, lemmas = parse_root(root)
                if lemmas == "*":
                    scope = " *(this synset only)*"
                elif lemmas:
                    scope = f" *(only {', '.join(sorted(lemmas))})*"
                else:
                    scope = ""
                print(f"- `{sid}` {c.describe(sid).split(' ', 1)[1]}{scope}")
            cuts = spec.get("cuts", [])
            if cuts:
                print("\nCut (with their hyponyms):\n")
                for cut in cuts:
                    print(f"- `{cut}` {c.describe(cut).split(' ', 1)[1]}")
            print()
    print("### Extra senses\n")
    for lemma, pos, sid, why in EXTRA_SENSES:
        print(f"- {POS_NAMES[pos]} *{lemma}* → `{sid}` ({', '.join(c.synsets[sid]['members'][:4])}): {why}")
    print("\n### Dropped from one class\n")
    for name, pos, lemma, why in DROPPED:
        print(f"- {POS_NAMES[pos]} `{name}` *{lemma}*: {why}")
    print("\n### Dropped from every noun class\n")
    print(", ".join(f"*{w}*" for w in NOT_NOUNS) + ".")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("wordnet", help="a clone of globalwordnet/english-wordnet (bare or checked out)")
    parser.add_argument("--out", default=os.path.join(here, "classes.tsv"), help="where to write (default: beside this script)")
    parser.add_argument("--report", action="store_true", help="print the roots, cuts and counts as Markdown")
    parser.add_argument("--list", metavar="POS:CLASS", help="print the lemmas of one class, e.g. noun:harm")
    parser.add_argument("--why", metavar="LEMMA", help="print the senses that put a lemma in its classes (several: a,b,c)")
    args = parser.parse_args()

    source = Source(args.wordnet)
    c = Classes(*load(source))
    if args.why:
        for lemma in args.why.lower().split(","):
            print(f"{lemma}:")
            c.why(lemma)
        return
    classes = c.build()
    if args.report:
        report(c, classes)
    elif args.list:
        pos_name, _, name = args.list.partition(":")
        pos = {v: k for k, v in POS_NAMES.items()}[pos_name]
        print("\n".join(l for (l, p), names in sorted(classes.items()) if p == pos and name in names))
    else:
        write_tsv(args.out, classes, source.commit())


if __name__ == "__main__":
    main()
