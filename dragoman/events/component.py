"""The events part (``dragoman_events``) of the ``dragoman`` component: code the events of every sentence of a Doc.

Writes ``doc._.events``: a list of :class:`EventMention` in document order.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..actors.entity import as_members, core_tokens, describe_head, match_at, split_conjoined
from ..dictionaries import NONSTATE_CODES
from ..document.attribution import REPORTING, attribution, settle, verb_denier
from ..document.coref import STATE_BODY_SECTORS, Coreference, names_press
from ..document.dates import carry_dates, event_date, is_date
from ..document.places import carry_places, country_points, event_place
from ..document.quotes import speaker_of
from ..lexicon import Lexicon
from ..mentions import SYMMETRIC_TYPES, Coding, Entity, EventMention
from ..parse import misparsed_finite
from ..parse import plural as is_plural
from ..sentences import sent_ents, sent_index
from ..words import words
from .arguments import (
    BLAME_TARGET_PREPS,
    LIGHT_VERBS,
    SPEECH_EVENTS,
    _misattached_conj,
    _with_conjuncts,
    by_objects,
    complement_recipients,
    complement_subjects,
    condition_subjects,
    expelled_from,
    find_arguments,
    governing_verb,
    is_passive,
    nearest_actor_left,
    object_phrase_recipients,
    owner_undergoes,
    place_recipients,
    protest_site_recipients,
    subject_of,
)
from .defaults import default_actor, default_recipient, implied_target
from .intent import IntentTable
from .modality import committed, historical, modality, negated, ongoing_since, opens_condition
from .patterns import PatternIndex
from .relevance import RelevanceModel, density
from .triggers import (
    CLAIM_NOUNS,
    CLAIM_REJECTIONS,
    INVOLVEMENT_NOUNS,
    PERSON_NOUNS,
    REPLY_VERBS,
    Trigger,
    denied_claim,
    enclosing_nouns,
    find_triggers,
    habitual,
    head_words,
    light_frame,
    occasion,
    participle_doers,
    planned_noun,
    reported_clauses,
    sought,
)

DOMINATING_DEPS = {"xcomp", "ccomp", "dobj", "pobj", "prep", "pcomp", "acl", "attr", "oprd", "advcl", "compound", "relcl"}


class EventCoder:
    def __init__(
        self, nlp: Language, name: str = "dragoman_events", conventions: str = "plover", min_confidence: float | None = None
    ) -> None:
        self.name = name
        self.conventions = conventions
        # events the relevance model scores under this are not written (None: the model's threshold)
        self.min_confidence = min_confidence
        self.relevance: RelevanceModel | None = None
        self.index: PatternIndex | None = None
        self.intents: IntentTable | None = None
        self.gazetteer: dict[str, Any] = {}
        self.custody: Any = None
        self.countries: dict[str, tuple[float, float]] = {}

    def initialize(
        self, get_examples: Callable[[], Iterable[Any]] | None = None, *, nlp: Language, lexicon: Lexicon
    ) -> None:
        self.index = PatternIndex(lexicon)
        # codebook: a prison sentence is SANCTION convict and COERCE arrest: the arrest's coding
        self.custody = next((p for p in self.index.candidates("VERB", "jail") if p.id == "coerce.jail"), None)
        self.intents = IntentTable(lexicon, self.conventions)
        self.relevance = RelevanceModel.load() if self.conventions == "plover" else None
        actors = nlp.get_pipe("dragoman_actors") if "dragoman_actors" in nlp.pipe_names else None
        self.gazetteer = getattr(actors, "place_forms", {})
        self.countries = country_points(self.gazetteer)
        # the home country of international armed groups with one (organizations.yaml `country`)
        self.group_country = {str(o["id"]): str(o["country"]) for o in lexicon.organizations if o.get("code") == "IMG" and o.get("country")}

    def _event_noun(self, lemma: str) -> bool:
        """Whether a noun heads an event pattern ("detention", "attack")."""
        assert self.index is not None
        return any(p.event != "NONE" for p in self.index.candidates("NOUN", lemma))  # ("takeover" codes none)

    def __call__(self, doc: Doc) -> Doc:
        assert self.index is not None, "dragoman_events is not initialized"
        day: dt.date | None = doc._.pub_date
        covered = match_at(doc)
        coref = Coreference(doc, day)
        trigger_heads = self.index.heads
        words = head_words(doc, trigger_heads)
        events: list[EventMention] = []
        paragraph = 0
        last_end = 0
        for si, sent in enumerate(doc.sents):
            if si and _newlines(doc, last_end, sent.start):
                paragraph += 1
            last_end = sent.end
            triggers = [_courtesy_call(t, self.index) for t in find_triggers(sent, self.index, words)]
            if self.conventions == "plover":
                # a habit is no event (codebook: habitual or generic claims get no line; CAMEO
                # practice, as in the PLOVER gold-standard sentences, codes them)
                triggers = [t for t in triggers if not habitual(t.token)]
                # ("the campaign to secure his father's release": a goal, no event; likewise unsaid)
                triggers = [t for t in triggers if not (t.pattern.pos == "NOUN" and sought(t.token))]
            if not triggers:
                if self.conventions == "plover":
                    # ("New Delhi rejected the accusations.": a denial alone names no event of its own)
                    events.extend(_denied_claims(sent, si, events, covered, coref, day))
                continue
            dates = [e for e in sent_ents(sent) if is_date(e)]
            strong = [t for t in triggers if not t.pattern.weak]
            # bare CAMEO verb defaults only code a main-clause verb, and only when nothing stronger fires
            alleged: dict[int, Trigger] = {}
            praised: dict[int, Trigger] = {}
            # (CAMEO practice codes one event of a reply: the answer, not the offer answered)
            answered: dict[int, Trigger] | None = {} if self.conventions == "plover" else None
            # (the states and bodies named: a relative clause on one tells its own act)
            named = frozenset(i for i, m in covered.items() if m.kind in ("country", "government", "org"))
            kept = _undominated(strong, alleged, praised, answered, named) if strong else [t for t in _undominated(triggers) if _main_clause(t.token)]
            sent_events: list[EventMention] = []
            for trig in kept:
                args = find_arguments(trig)
                if any(_natural_force(a) for a in args.actors):
                    continue  # "Cyclone Remal killed 40 people": no party did it
                if not args.actors and trig.pattern.pos == "VERB" and not is_passive(trig.token) and _main_clause(trig.token):
                    args.actors = _with_conjuncts(nearest_actor_left(trig.token, lambda t: t.i in covered))
                actors = _entities(args.actors, covered, coref, day, trig)
                if not any(a.code for a in actors):
                    # "airstrikes by the Somali army killed ...": the doer of an event-noun subject
                    doers = [g for h in args.actors if h.lemma_.lower() in self.index.heads for g in by_objects(h)]
                    actors = _entities(_with_conjuncts(doers), covered, coref, day, trig) or actors
                if not any(a.code and not _focus_guess(a) for a in actors) and trig.pattern.pos == "VERB" and not (args.passive and not args.actors):
                    # (a passive with no agent names no speaker: "the UN's call was ignored")
                    # "EAM conveyed India's full support", "the minister expressed Germany's concern":
                    # a speaker of no known side voices the stance of the state the stance is told of
                    # (not with a verb of praise: "valued India's support" praises India's support)
                    # (a stance is voiced, a wrong is blamed: "highlighted the Taliban's curbs")
                    owners = [] if trig.token.lemma_.lower() in PRAISE_VERBS else [
                        c for w in trig.tokens if w.i != trig.token.i and w.pos_ == "NOUN" and w.lemma_.lower() in STANCE_NOUNS | VOICED_NOUNS
                        for c in w.children if c.dep_ == "poss"
                    ]
                    voiced = [e for e in _entities(owners, covered, coref, day, trig) if e.code]
                    actors = voiced or actors
                if not any(a.code for a in actors) and args.passive and not args.actors and trig.pattern.pos == "VERB" and trig.pattern.event in MEETING_VOICE:
                    # "During the talks, it was agreed to set up a working group", "concern was
                    # expressed over ...": said at the meeting just told, by those who met there
                    actors = _meeting_voice(coref, trig.token) or actors
                if not any(a.code for a in actors) and trig.pattern.cameo == "173" and trig.pattern.pos == "VERB":
                    # "an Afghan man held in a U.S. prison": the custody's owner holds him
                    actors = [e for e in _entities(_custody_holders(trig.token), covered, coref, day, trig) if e.code] or actors
                if trig.pattern.pos == "NOUN" and any(a.code for a in actors):
                    actors = [a for a in actors if a.code]
                # (the actor's own side, which a description of the target does not refer to: a state's
                # and its institutions', not rebels' fighting in it: "the BLA warned ... if the state did
                # not release prisoners" is Pakistan's state)
                acodes = frozenset(a.code for a in actors if a.code and a.sector not in NONSTATE_SIDES)
                recipients = _entities(args.recipients, covered, coref, day, trig, acodes, "recipient", self._event_noun)
                actors = _member_named_apart(recipients, actors)
                if trig.pattern.complement_aux and len(_not_own(recipients, actors)) < len(recipients):
                    continue  # "Ruto said Kenya and Uganda must dismantle the barriers": a resolve shared with one's own side, no demand
                # the actor's own side is no target ("reaffirmed U.S. support for Ukraine"): look further
                recipients = _not_own(recipients, actors)
                reciprocal = trig.pattern.reciprocal and len({a.code for a in actors}) > 1
                # a target whose country is only the article's focus guessed for it ("jailed
                # publisher Jimmy Lai in Hong Kong", "who was killed in Malta") yields to one the
                # clause names
                guessed = any(r.code for r in recipients) and all(_focus_guess(r) for r in recipients if r.code)
                if not reciprocal and not any(r.code for r in recipients):
                    # "condemned the strikes": the target is whoever carried out the strikes told before
                    earlier = _event_object_parties(trig, events + sent_events, self.index)
                    if earlier:
                        recipients = earlier
                if not reciprocal and (guessed or not any(r.code for r in recipients)):
                    finders = [] if guessed else [object_phrase_recipients, complement_subjects, condition_subjects, complement_recipients]
                    if trig.pattern.event == "CONSULT":
                        # what talks are about names no party ("discussed China's actions"), nor does
                        # where they are held (their venue)
                        finders = [f for f in finders if f is not object_phrase_recipients]
                    else:
                        if trig.pattern.event == "PROTEST":
                            finders.insert(0, protest_site_recipients)
                        finders.append(place_recipients)
                    for finder in finders:
                        inner = [r for r in _entities(finder(trig), covered, coref, day, trig, acodes, "recipient", self._event_noun) if r.code]
                        if finder in (object_phrase_recipients, complement_subjects):
                            # "expressed Pakistan's readiness": the actor's own possession is no target
                            inner = [r for r in inner if r.code not in {a.code for a in actors}]
                        else:
                            # "warned that Russia would retaliate against the EU if it ...": the actor's
                            # own side is no target, the next finder may name one
                            inner = _not_own(inner, actors)
                        if finder is place_recipients:
                            # "marched in Khartoum": a place where it is done is its country, not
                            # that country's government (a capital names the government only as a
                            # speaker or doer: "Khartoum said")
                            inner = [
                                dataclasses.replace(r, sector=None, kind="country") if r.kind in ("country", "government") and doc[r.head].ent_type_ in ("GPE", "LOC") else r
                                for r in inner
                            ]
                        if guessed:
                            # (a place in the guessed country confirms the guess)
                            inner = [r for r in inner if r.code not in {g.code for g in recipients}]
                        if inner:
                            recipients = inner
                            break
                if (not any(r.code for r in recipients) or all(_focus_guess(r) for r in recipients if r.code)) and trig.pattern.cameo.startswith("174") and trig.pattern.pos == "VERB":
                    # "deported 177 detainees to Venezuela": people sent away are of where they are sent
                    dest = [g for c in trig.token.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
                    recipients = [e for e in _entities(_with_conjuncts(dest), covered, coref, day, trig, acodes, "recipient") if e.code] or recipients
                aid_given = trig.pattern.event == "AID" or (trig.pattern.event == "AGREE" and trig.pattern.cameo.startswith("033"))
                if aid_given and self.conventions == "plover" and recipients and all(r.code == "NGO" for r in recipients if r.code) and any(r.code for r in recipients):
                    # "released 1 million pounds to aid groups working in the worst-hit districts":
                    # aid handed to relief agencies is for the state the article is about
                    recipients = _focus_target(coref, trig.token, actors) or recipients
                if not reciprocal and not any(r.code for r in _not_own(recipients, actors)) and (
                    trig.pattern.event in FOCUS_ADDRESSED or aid_given
                ) and self.conventions == "plover":
                    # (aid sent or pledged with no one named goes to the state the article is about:
                    # "China pledged 10 million yuan in emergency cash assistance" after a cyclone there)
                    # "La Lime expressed concern.", "condemning the recent violence", "the envoy is
                    # calling for an end to violence": criticism, demands and warnings with no target
                    # named are of the state the article is about (when it is not the speaker's)
                    recipients = _focus_target(coref, trig.token, actors) or recipients
                if not reciprocal and not any(r.code for r in _not_own(recipients, actors)) and trig.pattern.event in ADDRESSED and self.conventions == "plover":
                    # "At the meeting, Minister X expressed his support": said to the counterpart
                    recipients = _counterpart(coref, actors) or recipients
                if trig.pattern.event == "AID" and trig.pattern.pos == "VERB" and trig.token.lemma_.lower() in ACQUIRING_VERBS:
                    # "Russia is getting weapons from North Korea": the subject receives, the "from"
                    # phrase gives
                    givers = [r for r in recipients if doc[r.head].dep_ == "pobj" and doc[r.head].head.lower_ == "from"]
                    actors, recipients = givers, [a for a in actors if a.code]
                if trig.pattern.host and self.conventions == "plover":
                    parties = _hosted(trig, recipients, covered, coref, day)
                    if not parties and _hosts_a_meeting(trig, self.index.meeting_noun):
                        # "will host a summit on Gaza": the meeting is no guest; its own named
                        # parties are ("hosting the U.S.-Iranian contacts"), not a country its
                        # phrase mentions
                        recipients = [r for r in recipients if "<" not in (r.rule or "")]
                    actors, recipients = parties or recipients, actors
                # an actor is not its own recipient, nor is its own side ("expressed Pakistan's
                # readiness", "agreed on the India-Japan summit"): a party of the same country and
                # sector (or none) on both sides is the actor's own; another sector of the same
                # country stays ("Kenyan police arrested Kenyan protesters")
                recipients = _not_own(recipients, actors)
                gathering = trig.pattern.event == "CONSULT" and trig.pattern.pos == "NOUN"
                if gathering and _planned(trig) and not any(a.code for a in actors):
                    # "the Ministers agreed to expedite work for the Annual Summit to be held in
                    # Japan": those who plan it are its parties
                    actors = _planners(sent_events)
                    verb = governing_verb(light_frame(trig.token))
                    if not actors and verb is not None:
                        # "the two ministers looked forward to the next meeting": who looks forward to it
                        actors = [a for a in _entities(_with_conjuncts(subject_of(verb)), covered, coref, day, trig) if a.code]
                    recipients = _beside_venue(doc, recipients, actors)
                if trig.pattern.pos == "NOUN" and trig.pattern.event == "COOPERATE" and trig.pattern.prep_object and not reciprocal and len({a.code for a in actors if a.code}) < 2:
                    # "They noted with satisfaction the progress in the construction of the Akkuyu
                    # Nuclear Power Plant": a joint work on a named thing, shared by those who speak
                    # of it (the sides); ("discussed cooperation" names a topic, no work done)
                    # (the parser may nest it deep: "noted with satisfaction the progress in the construction of")
                    verb = governing_verb(trig.token, steps=6)
                    sides = [a for a in _entities(_with_conjuncts(subject_of(verb)), covered, coref, day, trig) if a.code] if verb is not None else []
                    if len({a.code for a in sides}) > 1:
                        actors = sides
                        recipients = _not_own(recipients, actors)
                if gathering and occasion(trig.token):
                    # "met Lammy on the margins of the G20 Foreign Ministers' Meeting": those who met
                    # there attended it, with the forum it names (codebook: summits and hosted
                    # meetings)
                    actors = [a for a in actors if a.code]
                    actors += [p for p in _attendees(sent_events) if all(a.code != p.code for a in actors)]
                    recipients = _beside_venue(doc, recipients, actors)
                mention = EventMention(
                    trigger=trig,
                    sentence=si,
                    sent=sent,
                    actors=actors,
                    recipients=recipients,
                    negated=negated(trig.token),
                    modality=modality(trig.token, day),
                    attributed_to=attribution(trig.token, covered, coref, day),
                    coding=Coding.of(trig.pattern),
                    paragraph=paragraph,
                )
                assert self.intents is not None
                self.intents.recode(mention)
                if mention.coding.event == "AGREE" and mention.modality == "future" and committed(trig.token) and not _planned(trig):
                    # codebook: cooperation agreed to or offered is AGREE, asserted, dated when made
                    mention.modality = "asserted"
                if trig.pattern.host and mention.coding.event == "AGREE" and self.conventions == "plover" and len({a.code for a in mention.actors if a.code}) > 1:
                    # "Türkiye stands ready to host a meeting between Putin and Zelenskyy": the host
                    # commits itself, towards those it would host
                    mention.actors, mention.recipients = mention.recipients, mention.actors
                if _forces_commanded(trig) and mention.modality == "asserted":
                    mention.modality = "future"  # codebook §2: an order to shell a town is ASSAULT, future
                if trig.pattern.evaluation == "unrealised" and mention.coding.event == "THREATEN" and mention.modality in ("future", "hypothetical"):
                    # a threat pattern that only fires on an act still to come ("vowed to retaliate",
                    # "would retaliate if attacked"): saying so is the threat, made now (codebook:
                    # the act of threatening is asserted)
                    mention.modality = "asserted"
                if trig.pattern.id == "reject.oppose" and _opposes_an_act(trig.token):
                    # "China firmly opposes the United States' abuse of tariffs": a criticism of the act
                    # (REJECT is for turning down proposals, requests and plans)
                    self.intents.recode_as(mention, "111", "oppose.act")
                if self.conventions == "plover" and mention.coding.event == "ASSAULT" and trig.pattern.cameo in ("190", "192") and trig.token.lemma_.lower() in TAKING_VERBS and (
                    _takes_a_place(trig.token) or (mention.recipients and all(r.kind in ("place", "country") and not r.sector for r in mention.recipients))
                ):
                    # "captured Goma", "seized the town": taking a place is occupying territory
                    # (CAMEO 192, COERCE in PLOVER; CAMEO practice, as the gold-standard sentences,
                    # codes the fighting)
                    self.intents.recode_as(mention, "192", "occupy.place")
                if mention.coding.event == "REQUEST" and _ordered_to_leave(trig):
                    # "ordered Belgium's ambassador to leave the country within 72 hours": an expulsion
                    self.intents.recode_as(mention, "166", "expel.order_to_leave")
                if trig.pattern.cameo == "166" and _expels_people(trig):
                    # "expelled more than a million Ghanaians", "the expulsion of Ethiopian traders":
                    # people who are no state's envoys or mission are deported (CAMEO 174)
                    self.intents.recode_as(mention, "174", "expel.people")
                if mention.coding.event == "REJECT" and _rejects_violence(trig):
                    # "expressed the government's rejection of the attack by the ELN", "rejected the
                    # violence": a condemnation (REJECT turns down proposals, requests and plans)
                    self.intents.recode_as(mention, "111", "reject.violence")
                if self.conventions == "plover" and _diplomatic_protest(mention):
                    # "Ukraine's foreign ministry protested against the visit": a state's formal
                    # protest is a criticism (ACCUSE); PROTEST is for demonstrations
                    self.intents.recode_as(mention, "111", "protest.diplomatic")
                if self.conventions == "plover" and _backs_armed_group(mention):
                    # "the M23, which experts say is backed by Rwanda", "denies supporting the
                    # group": a state's backing of an armed group is military aid (codebook: giving
                    # militants weapons or a safe haven is AID)
                    self.intents.recode_as(mention, "072", "aid.armed_group")
                if mention.coding.event == "THREATEN" and _warning_of_a_state(trig, self._event_noun, covered):
                    continue  # "officials warn it is simply too big to put out": no one threatened
                if _warning_about_others(mention):
                    # "warned that the government's actions would divide the country": a criticism
                    self.intents.recode_as(mention, "111", "warning.about_others")
                # codings a convention asks whatever the modality (intent.yaml, when: always):
                # lifting sanctions is CONCEDE, a charge an ACCUSE under the codebook
                self.intents.recode_always(mention)
                if _protective_deployment(mention) and (
                    protection := _protection_parties(mention, functools.partial(_coded_entities, covered=covered, coref=coref, day=day, trig=trig))
                ):
                    # "France sent troops to Chad to protect civilians", "additional peacekeepers
                    # arrived in Bosnia": forces sent abroad to shield others give military
                    # protection (CAMEO 074, AID), no show of force or visit
                    mention.actors, mention.recipients = protection
                    self.intents.recode_as(mention, "074", "aid.protection")
                if mention.coding.event == "MOBILIZE" and _joint_exercise(mention):
                    # "French and Egyptian warships launched war games": an exercise of several
                    # parties aimed at no one is military cooperation (CAMEO 062)
                    self.intents.recode_as(mention, "062", "exercise.joint")
                mention.attributed_to = settle(mention, trig.token, covered, coref, day)
                speaker = mention.attributed_to
                if (
                    mention.coding.event == "CONSULT" and trig.pattern.pos == "NOUN" and not any(a.code for a in mention.actors)
                    and speaker is not None and speaker.code and any(r.code for r in mention.recipients)
                    and all(r.code != speaker.code for r in mention.recipients)
                ):
                    # "Pakistan said that discussions with the IMF are progressing well": talks with
                    # someone that a party reports, with no other side named, are its own
                    mention.actors = [dataclasses.replace(speaker, rule=f"{speaker.rule}>actor.reporting_party")]
                # ("both sides" of a fight are the parties of material conflict, not of a criticism;
                # "the two sides" of a meeting are those who met, not mediators named with no one meeting)
                # (a meeting of two named parties with its host or mediator as recipient: those who met)
                met = mention.coding.event == "CONSULT" and len({a.code for a in mention.actors if a.code}) > 1
                coref.participate(mention.actors if met else mention.actors + mention.recipients, mention.coding.quad == 4,
                                  mention.coding.event == "CONSULT" and any(a.code for a in mention.actors))
                mention.date = event_date(
                    trig.token, sent, day, mention.modality in ("future", "hypothetical"), trig.tokens, dates
                )
                mention.modality = historical(mention.modality, mention.date, day)
                if mention.modality == "historical" and ongoing_since(trig.token):
                    mention.modality = "asserted"  # "has been under sanctions since 2018": still going on
                mention.location = event_place(
                    trig.token, covered, self.gazetteer, trig.tokens, mention.coding.quad in (2, 4), self.index.heads,
                    self.countries, trig.pattern.cameo.startswith(("04", "036")) or "visit" in mention.coding.mode,
                )
                default_recipient(mention, self.conventions)
                if self.conventions == "plover":
                    _place_armed_groups(mention, self.group_country, coref.focus(trig.token), covered)
                if self.conventions == "plover" and not reciprocal:
                    # ("fired tear gas at hundreds of opposition supporters": the people counted)
                    # ("warned that the organisers of violent protests would be arrested": whom a
                    # speech act is about, when it addresses no one)
                    about = args.recipients or (complement_subjects(trig) if trig.pattern.event in TOLD_ABOUT else [])
                    implied_target(mention, [_through_quantity(r) for r in about], covered, day, coref.focus(trig.token),
                                   lambda t: t.lemma_.lower() in trigger_heads)
                if self.conventions == "plover":
                    _visitor_first(mention)
                    _call_participants(mention)
                _accepted_invitation(mention, events + sent_events)
                sent_events.extend(_separately(mention))
                if trig.pattern.id == "sanction.sentence" and self.custody is not None and _served_term(trig.token):
                    # codebook: a prison sentence is SANCTION convict and COERCE arrest (not in absentia)
                    held = dataclasses.replace(Coding.of(self.custody), rule=f"{trig.pattern.id}+{self.custody.id}")
                    sent_events.append(dataclasses.replace(mention, coding=held, extra={}))
            _relation_counterparts(sent_events, events)
            by_trigger = {e.trigger.token.i: e for e in sent_events}
            for e in sent_events:
                default_actor(e, self.conventions)
                accusation = by_trigger.get(alleged[e.trigger.token.i].token.i) if e.trigger.token.i in alleged else None
                if accusation is not None and accusation.actors and e.modality == "asserted" and not e.negated:
                    # the alleged event is told on the accuser's word (codebook: accusations give two lines)
                    e.attributed_to = accusation.actors[0]
                thanks = by_trigger.get(praised[e.trigger.token.i].token.i) if e.trigger.token.i in praised else None
                own_side = False
                if answered and e.trigger.token.i in answered:
                    thanks = by_trigger.get(answered[e.trigger.token.i].token.i)  # the offer is made to who answers it
                    # ("accepted an invitation extended by Al-Khulaifi to visit Doha": the inviter's
                    # own capital is where the invited goes, not to whom the invitation is made)
                    own_side = all(r.code in {a.code for a in e.actors} for r in e.recipients)
                if thanks is not None and (e.coding.event in BENEFITS or (answered and e.trigger.token.i in answered)) and (
                    not any(r.code for r in e.recipients) or own_side
                ):
                    # "Vietnam thanked Australia for its assistance": the thanker is who benefited
                    own = {a.code for a in e.actors if a.code}
                    e.recipients = [r for r in thanks.actors if r.code and r.code not in own]
            if self.conventions == "cameo":
                # CAMEO practice codes the violence a speaker reports, not the report: "X said Y
                # shelled the town" is one event (the codebook's conventions code both)
                told = {e.trigger.token.i for e in sent_events if e.coding.event == "ASSAULT"}
                sent_events = [
                    e for e in sent_events
                    if not (e.trigger.pattern.id == "accuse.say_negative" and any(t.i in told for c in reported_clauses(e.trigger.token) for t in c.subtree))
                ]
            # "the attack on Kyiv, which killed dozens": the killing is the attack's, one event
            sent_events = _fold_into_attacks(sent_events)
            # what protesters demand gets no REQUEST line (codebook: fixed mappings)
            sent_events = [e for e in sent_events if not _protesters_demand(e, doc)]
            # a state telling of its own forces' acts accuses no one ("the ministry said police arrested 40")
            own_acts = [e for e in sent_events if e.trigger.token.i in alleged and _own_forces_reported(by_trigger.get(alleged[e.trigger.token.i].token.i), e)]
            reports = {alleged[e.trigger.token.i].token.i for e in own_acts}
            sent_events = [e for e in sent_events if not (e.trigger.pattern.id == "accuse.say_negative" and e.trigger.token.i in reports)]
            # an event needs a party the dictionaries know: with no code on either side it says
            # nothing an analyst can use, and on real news it is mostly no event at all
            sent_events = [e for e in sent_events if any(p.code for p in e.actors + e.recipients)]
            # signing alone (a decree, a law) is a domestic act: an interaction needs a counterpart
            sent_events = [e for e in sent_events if not e.trigger.pattern.counterpart or _has_counterpart(e)]
            # counts over a period ("since 2009, hundreds have been killed") are no event (codebook: aggregates)
            sent_events = [e for e in sent_events if not _aggregate(e) and not _time_anchor(e)]
            # tourists, refugees, students travelling are no meeting of political actors
            sent_events = [e for e in sent_events if not _private_travel(e)]
            # talking to reporters or a news outlet gives a statement, no meeting
            sent_events = [e for e in sent_events if not _press_contact(e) and not _press_question(e, covered, day)]
            # what analysts and researchers say is commentary
            sent_events = [e for e in sent_events if not _commentary(e) and not _commentators_forecast(e)]
            with_actor = _dedupe([e for e in sent_events if e.actors])
            if self.conventions == "plover":
                # every coded event of the sentence: one without a named doer ("was killed", "He
                # condemned" when "he" is unknown) is coded with an empty actor (codebook §3)
                events.extend(_dedupe(sent_events))
                events.extend(_claimed_copies(_dedupe(sent_events), events))
                events.extend(_denied_claims(sent, si, events, covered, coref, day))
            elif with_actor:
                events.extend(with_actor)
            else:
                bare = [e for e in sent_events if e.trigger.pattern.pos == "VERB" or e.trigger.token.dep_ in CLAUSE_ARGS]
                # with no actor anywhere, the main clause's verb says most about the sentence
                bare.sort(key=lambda e: (not _main_clause(_clause_verb(e.trigger.token)), e.trigger.pattern.pos != "VERB"))
                events.extend(bare[:1])
        carry_dates(events)
        if self.conventions == "plover":
            events = _first_mentions(events)
            # events whose clause names no place take one from their context (parties are settled)
            placed = {id(ev) for ev in events if ev.location is not None}
            carry_places(events, doc, covered, self.gazetteer, self.countries)
            for ev in events:
                if id(ev) not in placed and ev.location is not None and not ev.coding.cameo.startswith("042"):
                    # talks placed by their context (the summit's city named before) are a visit
                    # of the other side too (codebook: CONSULT roles); one who visits or calls on
                    # someone is the visitor whatever the place
                    _visitor_first(ev)
        # PETRARCH's verb patterns (converted, cv.*) code an event only between a source and a
        # target, as PETRARCH does: without two coded parties they are no event (dev: 127 of 211
        # such events had no gold event of their kind in the sentence)
        events = [ev for ev in events if not ev.coding.rule.startswith("cv.") or _dyadic(ev)]
        if self.relevance is not None:
            dense = density(len(events), sum(1 for _ in doc.sents))
            for ev in events:
                ev.confidence = self.relevance.score(ev, dense)
            events = [
                ev for ev in events
                if ev.confidence is not None
                and ev.confidence >= (self.relevance.floor(ev) if self.min_confidence is None else self.min_confidence)
            ]
        doc._.events = events
        return doc


RETELLING = words("retelling_verbs")


def _courtesy_call(trig: Trigger, index: PatternIndex) -> Trigger:
    """"Jaishankar called on President Macron": a visit, when nothing is asked of the person (no
    "to" clause, no "for"); "called on Iran to release" stays a request."""
    verb = trig.token
    if trig.pattern.id != "request.call_on":
        return trig
    if any(c.dep_ in ("xcomp", "advcl", "ccomp") or (c.dep_ == "prep" and c.lower_ == "for") for c in verb.children):
        return trig
    # ("On 09 November, EAM called on ...": a date is no one called on)
    objs = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "on" for g in c.children if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME")]
    if len(objs) != 1:
        return trig
    obj = objs[0]
    if any(c.dep_ in ("acl", "relcl", "xcomp") for c in obj.children):
        return trig  # "called on the parties to show restraint"
    # ("His Royal Highness Mohammed bin Salman": the title may hang on the name)
    named = [obj, *(c for c in obj.children if c.dep_ in ("compound", "appos", "nmod") or (c.dep_ != "poss" and c.i < obj.i))]
    if not any(w.ent_type_ == "PERSON" or w.lemma_.lower() in PERSON_NOUNS for w in named):
        return trig  # "called on Russia": a demand follows somewhere
    visit = next((p for p in index.candidates("VERB", "call") if p.id == "consult.call_on_person"), None)
    return trig if visit is None else dataclasses.replace(trig, pattern=visit)
STANCE_NOUNS = words("stance_nouns")
MISSION_NOUNS = words("mission_nouns")


class _Told(NamedTuple):
    """An event coded earlier in the document, as _first_mentions compares it."""

    kind: str
    parties: frozenset[str]
    day: str | None
    source: str | None
    sentence: int
    modality: str
    cameo_root: str
    lemma: str
    actors: frozenset[str] = frozenset()
    year: str | None = None


def _first_mentions(events: list[EventMention]) -> list[EventMention]:
    """Drop retellings of a meeting already coded (codebook: a sentence that merely repeats a coded
    event adds no line): after "X met Y", "the two discussed ...", "they exchanged views",
    "X briefed Y" tell the same meeting when their parties are among the meeting's, no other day
    is given and the same source tells it (another government's account is a line of its own)."""
    out: list[EventMention] = []
    meetings: list[tuple[frozenset[str], str | None, str | None]] = []
    attacks: list[tuple[frozenset[str], str | None, str | None]] = []
    told: list[_Told] = []  # every event coded so far
    for ev in events:
        parties = frozenset(p.code for p in ev.actors + ev.recipients if p.code)
        day = ev.date.value if ev.date is not None and ev.date.precision == "day" else None
        src = ev.attributed_to.code if ev.attributed_to is not None else None
        kind = ev.coding.event
        lemma = ev.trigger.token.lemma_.lower()
        # those of the same type, among whose parties this one's are, on no other day, by the same source
        actors = frozenset(a.code for a in ev.actors if a.code)
        year = ev.date.value[:4] if ev.date is not None and ev.date.precision in ("day", "month", "year") else None
        same = [
            t for t in told
            if t.kind == kind and parties <= t.parties and (day is None or t.day is None or t.day == day) and (t.source == src or None in (t.source, src))
            # (a directed act the other way, or of another year, is another act: "Ghana's expulsion
            # of Nigerians, followed by Nigeria's expulsion of Ghanaians in 1983")
            and (kind in SYMMETRIC_TYPES or not actors or not t.actors or actors <= t.actors)
            and (year is None or t.year is None or year == t.year)
        ]
        # (an offer answered in its own sentence, "accept a U.S. proposal", is the other side's act)
        offer = lemma in OFFER_NOUNS
        if ev.trigger.pattern.pos == "NOUN" and kind not in ("ASSAULT", "CONSULT") and parties and any(
            # (an offer retells only an offer of its kind, not the reply to it nor an agreement on a
            # ceasefire told before "accepted an invitation to visit Doha")
            ev.sentence - t.sentence <= 3 and t.modality == ev.modality
            and not (offer and (t.cameo_root != ev.coding.cameo[:3] or t.lemma in REPLY_VERBS)) for t in same
        ):
            # a noun naming an event told just before ("invited her ... she thanked him for the
            # invitation"); attacks and meetings have their own rules below
            continue
        if _definite_mention(ev) and kind != "CONSULT" and any(
            t.sentence < ev.sentence and (t.cameo_root == ev.coding.cameo[:3] or t.lemma == lemma) for t in same
        ):
            # "the arrest", "Mhlanga's arrest", "this attack": a definite noun for an act of a kind
            # told before in the document, its parties among that act's, is that act again
            # (codebook: a sentence that repeats a coded event adds no line)
            continue
        told.append(_Told(kind, parties, day, src, ev.sentence, ev.modality, ev.coding.cameo[:3], lemma, actors, year))
        if ev.coding.event == "CONSULT" and ev.modality == "asserted" and not ev.negated:
            # the same source retelling it ("the two discussed", "during the meeting", "on a working
            # visit"); another government's account of it stays
            retold = lemma in RETELLING or ev.trigger.pattern.pos == "NOUN"
            # ("the two leaders exchanged views on the Middle East, with an emphasis on Syria": the
            # two who met; a topic named with it is no party)
            sides = frozenset(a.code for a in ev.actors if a.code)
            told_by = parties if len(sides) < 2 else sides
            if retold and any(told_by <= met and (day is None or d is None or d == day) and (s == src or None in (s, src)) for met, d, s in meetings):
                continue
            meetings.append((parties, day, src))
        if ev.coding.event == "ASSAULT" and not ev.negated:
            # "Seven other people were killed" after the attack is told: its toll, no other event
            place = (ev.location or {}).get("country_code")
            targets = frozenset(r.code for r in ev.recipients if r.code) | (frozenset([str(place)]) if place else frozenset())
            if not any(a.code for a in ev.actors) and any(
                targets <= hit and (day is None or d is None or d == day) and s == src for hit, d, s in attacks
            ):
                continue
            attacks.append((targets, day, src))
        out.append(ev)
    return out


def _diplomatic_protest(ev: EventMention) -> bool:
    """A protest verb whose actors are all a state or its government ("Ukraine protested",
    "the foreign ministry protested against")."""
    if ev.coding.event != "PROTEST" or ev.trigger.pattern.pos != "VERB" or ev.trigger.token.lemma_.lower() != "protest":
        return False
    actors = [a for a in ev.actors if a.code]
    return bool(actors) and all(
        a.sector == "GOV" or (a.sector is None and a.kind in ("country", "government") and not a.plural) for a in actors
    )


ARMED_GROUP_SECTORS = frozenset({"REB", "UAF"})


def _place_armed_groups(ev: EventMention, home: dict[str, str], focus: str | None, covered: dict[int, Any]) -> None:
    """Codebook §3: armed groups take the code of the country they fight in. An international
    militant group (IMG: "the Islamic State Khorasan Province", "JNIM") becomes the country the
    event takes place in, else its province's country where the dictionary has one, else the
    article's country."""
    where = (ev.location or {}).get("country_code")
    for side in (ev.actors, ev.recipients):
        for k, ent in enumerate(side):
            if where and ent.sector in ARMED_GROUP_SECTORS and (ent.rule or "").endswith("<document.focus") and ent.code != where and _placed_in(ev.trigger.token, where, covered):
                # "Ghana condemns terrorist attack in northern Benin": armed men of no named country
                # are of the country they fight in, not the one the article is about
                side[k] = dataclasses.replace(ent, code=where, rule=f"{ent.rule}<armed_group.country")
                continue
            if ent.code != "IMG":
                continue
            rid = re.split(r"[<>+]", ent.rule or "")[0]
            country = where or home.get(rid) or focus
            if country:
                side[k] = dataclasses.replace(ent, code=country, rule=f"{ent.rule}<armed_group.country")
def _placed_in(tok: Token, code: str, covered: dict[int, Any]) -> bool:
    """Whether a trigger's own place phrase names a place of the country ``code`` ("attack in
    northern Benin", "clashes near the town of Goris in Armenia")."""
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "near", "at", "inside", "across", "throughout"):
            continue
        for t in prep.subtree:
            m = covered.get(t.i)
            if m is not None and m.kind in ("country", "place", "region") and m.forms[0].roles and m.forms[0].roles[0].code == code:
                return True
    return False


BACKING_VERBS = words("backing_verbs")


def _backs_armed_group(ev: EventMention) -> bool:
    """A backing verb ("backed", "supports") whose recipients are all armed groups."""
    if ev.coding.event != "SUPPORT" or ev.trigger.pattern.pos != "VERB" or ev.trigger.token.lemma_.lower() not in BACKING_VERBS:
        return False
    coded = [r for r in ev.recipients if r.code]
    return bool(coded) and all(r.sector in ARMED_GROUP_SECTORS for r in coded)


def _dyadic(ev: EventMention) -> bool:
    """Whether an event has a coded actor and a coded other party (a recipient, or a second actor
    of a reciprocal act)."""
    return any(a.code for a in ev.actors) and _has_counterpart(ev)


def _definite_mention(ev: EventMention) -> bool:
    """Whether an event is told by a noun with a definite determiner or a possessor ("the arrest",
    "his release", "Russia's attack"), not "an attack", "attacks" or "a new round of arrests"."""
    if ev.trigger.pattern.pos != "NOUN":
        return False
    noun = ev.trigger.token
    return any((c.dep_ == "det" and c.lower_ in ("the", "this", "that")) or c.dep_ == "poss" for c in noun.children) and noun.tag_ == "NN"


def _attendees(sent_events: list[EventMention]) -> list[Entity]:
    """The coded parties of the meetings told earlier in the sentence, once per code."""
    out: list[Entity] = []
    for ev in sent_events:
        if ev.coding.event == "CONSULT" and not ev.negated:
            for p in ev.actors + ev.recipients:
                if p.code and all(o.code != p.code for o in out):
                    out.append(p)
    return out


VENUE_PREPS = {"at", "in", "near"}


def _beside_venue(doc: Doc, recipients: list[Entity], actors: list[Entity]) -> list[Entity]:
    """A meeting noun's coded recipients that are no actor of it and no place it is held at ("the
    Summit to be held in Japan", "the meeting at the Nasrec Expo Centre")."""
    own = {a.code for a in actors}
    return [r for r in recipients if r.code and r.code not in own and doc[r.head].head.lower_ not in VENUE_PREPS]


def _planners(sent_events: list[EventMention]) -> list[Entity]:
    """The coded actors of the latest event of the sentence so far that has some."""
    for ev in reversed(sent_events):
        coded = [a for a in ev.actors if a.code]
        if coded:
            return coded
    return []


def _denied_claim_noun(tok: Token) -> Token | None:
    """The claim noun whose clause tells the trigger, when a verb denies that claim ("denied
    reports that Ghana had deported 45 traders", "rejected the allegations that the UAE supplies
    weapons"); None otherwise."""
    cur = tok
    for _ in range(3):
        head = cur.head
        if head.i == cur.i:
            return None
        if head.lemma_.lower() in CLAIM_NOUNS and cur.dep_ in ("acl", "ccomp", "relcl") and head.dep_ == "dobj" and head.head.lemma_.lower() in CLAIM_REJECTIONS:
            return head
        cur = head
    return None


def _claimed_copies(sent_events: list[EventMention], told: list[EventMention]) -> list[EventMention]:
    """Codebook (accusations give two lines, denials): a claim that someone denies was made, so
    what it says is told on its own too, asserted, beside the denial's negated line ("He denied
    reports that Ghana had deported 45 traders": the deportation as reported, and as denied).
    Not when the same act is already told, not negated."""
    out: list[EventMention] = []
    for ev in sent_events:
        if not ev.negated or ev.trigger.pattern.pos != "VERB" or _denied_claim_noun(ev.trigger.token) is None:
            continue
        if any(c.dep_ == "neg" for c in ev.trigger.token.children):
            continue  # "claims that it did not attack": negated in the claim itself
        codes = ({a.code for a in ev.actors if a.code}, {r.code for r in ev.recipients if r.code})
        if any(
            not e.negated and e.coding.event == ev.coding.event and ({a.code for a in e.actors if a.code}, {r.code for r in e.recipients if r.code}) == codes
            for e in told + sent_events
        ):
            continue
        out.append(dataclasses.replace(ev, negated=False, attributed_to=None, extra=dict(ev.extra), confidence=None,
                                       coding=dataclasses.replace(ev.coding, rule=f"{ev.coding.rule}+claim.made")))
    return out


DENIAL_LOOKBACK = 6  # sentences: a denial answers a claim told shortly before


def _denied_claims(
    sent: Any, si: int, told: list[EventMention], covered: dict[int, Any], coref: Coreference, day: dt.date | None
) -> list[EventMention]:
    """Codebook (denials): "Country B denied the accusations" yields the alleged event again,
    negated, attributed to the denier. The alleged event is the latest one told in the last few
    sentences whose actor is the denier's side ("denied any Iranian involvement": Iran's), not
    negated, not an accusation, and not told on the denier's own word; every such event of that
    sentence is denied."""
    out: list[EventMention] = []
    for tok in sent:
        noun = denied_claim(tok)
        if noun is None:
            continue
        who = verb_denier(tok, covered, coref, day)
        if who is None or not who.code:
            continue
        owners = [c for c in noun.children if c.dep_ in ("poss", "amod", "compound")] if noun.lemma_.lower() in INVOLVEMENT_NOUNS else []
        owned = {e.code for e in _entities(owners, covered, coref, day, tok) if e.code}
        side = owned or {who.code}
        alleged = [
            e for e in told
            if si - DENIAL_LOOKBACK <= e.sentence <= si and e.trigger.token.i != tok.i and not e.negated
            and e.coding.event != "ACCUSE" and e.trigger.token.lemma_.lower() not in CLAIM_REJECTIONS  # (a denial is not what another denies)
            and side & {a.code for a in e.actors if a.code}
            and (e.attributed_to is None or e.attributed_to.code != who.code)
        ]
        # an allegation it is: told on someone's word, or with an accusation of that side in view
        # ("espionage charges which Washington has dismissed" deny no war Washington leads)
        accused = any(
            e.coding.event == "ACCUSE" and si - DENIAL_LOOKBACK <= e.sentence <= si and side & {r.code for r in e.recipients if r.code}
            for e in told
        )
        alleged = [e for e in alleged if accused or e.attributed_to is not None]
        if not alleged:
            continue
        latest = max(e.sentence for e in alleged)
        for e in _dedupe([e for e in alleged if e.sentence == latest]):
            coding = dataclasses.replace(e.coding, rule=f"{e.coding.rule}+denial.claim")
            out.append(dataclasses.replace(
                e, trigger=Trigger(tok, e.trigger.pattern, (tok,)), sentence=si, sent=sent, negated=True,
                attributed_to=who, coding=coding, extra=dict(e.extra), confidence=None,
            ))
    return out


def _hosted(trig: Trigger, guests: list[Entity], covered: dict[int, Any], coref: Coreference, day: dt.date | None) -> list[Entity]:
    """The parties of hosted talks ("hosted talks between Russia and Ukraine", "will host a summit
    with the Kremlin"); [] when the object is the guest itself."""
    objs = [trig.token.head] if misparsed_finite(trig.token) else [o for o in trig.token.children if o.dep_ == "dobj"]
    between = [g for o in objs for p in o.children if p.dep_ == "prep" and p.lower_ == "between" for g in p.children if g.dep_ == "pobj"]
    if not between:
        # "brokered the ceasefire that ended five days of fighting between the two neighbours"
        between = [g for o in objs for p in o.subtree if p.dep_ == "prep" and p.lower_ == "between" for g in p.children if g.dep_ == "pobj"][:1]
    if not between and trig.token.lemma_.lower() in ("host", "co-host"):
        # "will host a summit with the Kremlin": who the meeting is with comes; "hosted a meeting of
        # the chief negotiators of Kosovo and Serbia": who meet
        between = [g for o in objs for p in o.children if p.dep_ == "prep" and p.lower_ in ("with", "of") for g in p.children if g.dep_ == "pobj"]
    return [e for e in _entities(_with_conjuncts(between), covered, coref, day, trig) if e.code]


def _hosts_a_meeting(trig: Trigger, is_meeting: Callable[[str], bool]) -> bool:
    """Whether a hosting verb's object is a meeting ("will host a summit", "hosted talks")."""
    return any(o.dep_ == "dobj" and is_meeting(o.lemma_.lower()) for o in trig.token.children)


PRISON_TERMS = words("prison_terms")
NON_CUSTODIAL = words("non_custodial_words")


def _served_term(verb: Token) -> bool:
    """A sentence to a term in prison the person serves: "sentenced him to seven years in prison"
    (not "sentenced in absentia", not a suspended or non-custodial sentence)."""
    if any(t.lower_ in NON_CUSTODIAL for t in verb.subtree):
        return False
    return any(
        c.dep_ == "prep" and c.lower_ == "to" and any(t.lemma_.lower() in PRISON_TERMS for t in c.subtree)
        for c in verb.children
    )


def _has_counterpart(ev: EventMention) -> bool:
    return any(r.code for r in ev.recipients) or len({a.code for a in ev.actors if a.code}) > 1


PERIOD = re.compile(r"\b(since|over the (last|past)|in the (last|past)|during the (last|past)|so far this)\b", re.I)
# a period of days, not a count over months or years: "deported 2,300 migrants in the past week",
# "killed hundreds since capturing the city on 26 October"
SHORT_PERIOD = re.compile(
    r"\s+((few|two|three|four|five|six|seven|several|\d+)\s+)?(day|days|week|weeks|hours|24 hours|48 hours|weekend)\b"
    r"|\s+(capturing|taking|seizing|entering|the attack|the strike|the raid)\b"
    r"|\s+(\w+\s+)?(\d{1,2}\s+(January|February|March|April|May|June|July|August|September|October|November|December)"
    r"|(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)\s+\d{1,2}\b)",
    re.I,
)


def _time_anchor(ev: EventMention) -> bool:
    """An event told only to anchor a time ("since the coup in 2014", "since capturing the city",
    "since Kim and Putin held a summit"): not coded (codebook §2)."""
    tok = ev.trigger.token
    for _ in range(3):
        if tok.dep_ in ("pobj", "pcomp") and tok.head.lower_ == "since":
            return True
        if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "since" for c in tok.children):
            return True
        if tok.dep_ not in ("conj", "compound", "amod") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _aggregate(ev: EventMention) -> bool:
    """A count over a period: a plural victim or object counted in hundreds or more ("hundreds of
    people", "nearly 400 people", "1,250 terrorists") and a period ("since 2009", "in the last 15
    months", a year alone)."""
    if ev.coding.event == "PROTEST":
        return False  # "tens of thousands of students protested": a crowd's size, one event
    sent = ev.sent
    big = False
    for tok in sent:
        if tok.lower_ in AGGREGATE_WORDS or (tok.like_num and tok.dep_ in ("nummod", "quantmod") and _number(tok.text) >= 100):
            if _counts_a_party(tok, ev.trigger.token):
                big = True
                break
    if not big:
        return False
    if any(not SHORT_PERIOD.match(sent.text, m.end()) for m in PERIOD.finditer(sent.text)):
        return True
    return ev.date is not None and ev.date.precision == "year"


def _counts_a_party(num: Token, trigger: Token) -> bool:
    """Whether a number counts the event's own victims or doers ("killed hundreds", "hundreds of
    people have been killed", "400 people were killed"), not those of an event told in another
    clause ("condemned the operations, which have killed hundreds") nor a year ("the 1967 borders")."""
    if num.ent_type_ in ("DATE", "TIME"):
        return False
    tok = num
    if tok.dep_ in ("nummod", "quantmod"):
        tok = tok.head  # the noun counted
        while tok.dep_ in ("nummod", "quantmod", "compound", "amod"):
            tok = tok.head
    # "hundreds of civilians": the quantity is the phrase head
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and (tok.head.head.like_num or tok.head.head.lower_ in AGGREGATE_WORDS):
        tok = tok.head.head
    while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
        tok = tok.head
    if tok.i == trigger.i:
        return True
    if tok.head.i == trigger.i and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "attr"):
        return True
    # "the killing of 400 people", "attacks on hundreds of villages": a noun trigger's object
    return tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.i == trigger.i and trigger.pos_ in ("NOUN", "PROPN")


def _number(text: str) -> float:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return 0.0


def _visitor_first(ev: EventMention) -> None:
    """Talks held in the actor's own country are a visit by the other side: the visitor is the
    actor, the host the recipient (codebook: CONSULT roles). "Lavrov held talks in Moscow with
    Abdelatty": Egypt visits Russia; "held a summit meeting with Luxon, who is visiting Japan"."""
    if ev.coding.event != "CONSULT" or not ev.recipients or ev.trigger.pattern.host:
        # (a verb of hosting, "was received by Tokayev", "hosted Lavrov", already tells who is
        # the host: a place told further on, "... confirmed his participation in the celebrations
        # in Moscow", changes nothing)
        return
    acodes = {a.code for a in ev.actors if a.code}
    rcodes = {r.code for r in ev.recipients if r.code}
    doc = ev.trigger.token.doc
    visiting = any(
        c.dep_ in ("relcl", "acl") and c.lemma_.lower() == "visit" for r in ev.recipients if r.code for c in doc[r.head].children
    )
    if visiting and rcodes and not rcodes & acodes:
        ev.actors, ev.recipients = ev.recipients, ev.actors
        return
    home = (ev.location or {}).get("country_code")
    if home and acodes == {home} and rcodes and home not in rcodes:
        ev.actors, ev.recipients = ev.recipients, ev.actors


PHONE_WORDS = words("phone_words")


def _by_phone(trig: Trigger) -> bool:
    """A meeting held as a call: CAMEO 041, a call noun in the trigger ("held a phone call"), or a
    phrase of the medium on the verb ("spoke by phone with", "in a telephone conversation")."""
    if trig.pattern.cameo.startswith("041"):
        return True
    tok = trig.token
    if any(
        t.lemma_.lower() in PHONE_WORDS - {"call"}
        or (t.lemma_.lower() == "call" and t.pos_ == "NOUN" and not any(c.lower_ == "courtesy" for c in t.children))
        for t in trig.tokens
    ):
        return True  # ("a courtesy call" is a visit)
    if any(t.pos_ == "NOUN" and any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in PHONE_WORDS for c in t.children) for t in trig.tokens):
        return True  # "had a telephone conversation"
    return any(
        c.dep_ == "prep" and c.lower_ in ("by", "over", "via", "in", "during") and any(
            g.lemma_.lower() in PHONE_WORDS or any(m.lemma_.lower() in PHONE_WORDS for m in g.children if m.dep_ in ("compound", "amod"))
            for g in c.children if g.dep_ == "pobj"
        )
        for c in tok.children
    )


def _call_participants(ev: EventMention) -> None:
    """Codebook (CONSULT roles): a phone call has all participants as actors, no recipient, mode phone."""
    if ev.coding.event != "CONSULT" or ev.negated or not _by_phone(ev.trigger):
        return
    if "phone" not in ev.coding.mode:
        ev.coding = dataclasses.replace(ev.coding, mode=(*ev.coding.mode, "phone"))
    if any(r.code for r in ev.recipients) and any(a.code for a in ev.actors):
        own = {a.code for a in ev.actors}
        ev.actors = ev.actors + [r for r in ev.recipients if r.code not in own]
        ev.recipients = []


def _member_named_apart(recipients: list[Entity], actors: list[Entity]) -> list[Entity]:
    """The actors without a member of their group that the sentence names apart as the other side:
    "All G7 foreign ministers agree with the U.S. proposal", "NATO allies criticised Turkey's
    purchase" (a group's members stand for it only where none is named on its own)."""
    def member(a: Entity) -> bool:
        return ">member." in (a.rule or "")

    apart = {r.code for r in recipients if r.code and any(member(a) and a.code == r.code and a.start != r.start for a in actors)}
    if not apart or len({a.code for a in actors if a.code and a.code not in apart}) < 2:
        return actors
    return [a for a in actors if not (member(a) and a.code in apart)]


def _fold_into_attacks(events: list[EventMention]) -> list[EventMention]:
    """Violence told by a verb whose doer is an attack noun coded in the same sentence ("the
    attack on Kyiv, which killed and injured dozens": the attack is coded, "which" is the attack):
    the same event, kept once as the attack; its victims become the attack's when it names none."""
    attacks = {e.trigger.token.i: e for e in events if e.coding.event == "ASSAULT" and e.trigger.pattern.pos == "NOUN"}
    if not attacks:
        return events
    out = []
    for e in events:
        noun = next((attacks[a.head] for a in e.actors if a.head in attacks and attacks[a.head] is not e), None) if (
            e.coding.event == "ASSAULT" and e.trigger.pattern.pos == "VERB"
        ) else None
        if noun is None:
            out.append(e)
            continue
        if not any(r.code for r in noun.recipients):
            noun.recipients = [r for r in e.recipients if r.code]
    return out


PROTESTER_NOUNS = words("protester_nouns")


def _protesters_demand(e: EventMention, doc: Doc) -> bool:
    """A demand voiced by protesters ("protesters have demanded that the party be eliminated"):
    the protest is the event, what it demands gets no REQUEST line (codebook)."""
    return e.coding.event == "REQUEST" and bool(e.actors) and all(doc[a.head].lemma_.lower() in PROTESTER_NOUNS for a in e.actors)


def _own_forces_reported(report: EventMention | None, act: EventMention) -> bool:
    """Whether a report of blame (accuse.say_negative) is a state body's word on an act of its own
    state's bodies: "Somalia's intelligence agency said the country's security forces killed
    dozens" tells an act, it accuses no one."""
    if report is None or report.trigger.pattern.id != "accuse.say_negative" or not report.actors or not act.actors:
        return False
    own = {a.code for a in report.actors if a.code and a.sector in STATE_BODY_SECTORS}
    return bool(own) and all(a.code in own and a.sector in STATE_BODY_SECTORS for a in act.actors)


def _not_own(recipients: list[Entity], actors: list[Entity]) -> list[Entity]:
    """The recipients that are neither an actor nor of an actor's own side."""
    return [r for r in recipients if not any(r.start == a.start or _same_side(a, r) for a in actors)]


def _same_side(a: Entity, r: Entity) -> bool:
    """Whether a recipient is the actor's own side: the same country and sector, or the bare name
    of the actor's own state (a possessive, "Pakistan's readiness")."""
    if not a.code or a.code != r.code:
        return False
    # (rebels and opposition are not the side of the state they fight: "the BLA demanded that the
    # state release prisoners" is a demand on Pakistan)
    return a.sector == r.sector or (r.sector is None and r.kind in STATE_KINDS and a.sector not in NONSTATE_SIDES)


def _newlines(doc: Doc, prev_end: int, start: int) -> bool:
    """Whether a line break lies between the end of one sentence and the start of the next."""
    return any("\n" in doc[i].text_with_ws for i in range(max(prev_end - 1, 0), start))


STATE_KINDS = {"country", "demonym", "government"}
CLAUSE_ARGS = {"nsubj", "nsubjpass", "dobj", "ROOT", "attr"}


SEPARATELY = words("separately_words")


RELATION_NOUNS = words("relation_nouns")


def _relation_counterparts(sent_events: list[EventMention], before: list[EventMention]) -> None:
    """"Saudi Arabia and Iran restored relations in 2023 ..., when Riyadh cut ties": ties cut with
    no one named are with the party the actor's relations were told with just before."""
    for ev in sent_events:
        if any(r.code for r in ev.recipients) or not any(t.lemma_.lower() in RELATION_NOUNS for t in ev.trigger.tokens):
            continue
        own = {a.code for a in ev.actors if a.code}
        if len(own) != 1:
            continue
        for other in reversed([*before[-3:], *sent_events]):
            if other is ev:
                continue
            sides = [a for a in other.actors + other.recipients if a.code]
            if own <= {a.code for a in sides} and len({a.code for a in sides}) == 2:
                ev.recipients = [a for a in sides if a.code not in own][:1]
                break


def _separately(ev: EventMention) -> list[EventMention]:
    """"Met the Saudi and Iranian ministers separately": one event with each of the parties on the
    side that is more than one (two meetings, not a three-way one)."""
    if not any(c.dep_ == "advmod" and c.lower_ in SEPARATELY for c in ev.trigger.token.children) and not any(
        c.dep_ == "amod" and c.lemma_.lower() == "separate" for t in ev.trigger.tokens for c in t.children
    ):
        return [ev]  # ("met X and Y separately", "held separate talks with X and with Y")
    parties = [p for p in ev.recipients if p.code]
    if len({p.code for p in parties}) > 1:
        return [dataclasses.replace(ev, extra=dict(ev.extra), recipients=[p]) for p in parties]
    parties = [p for p in ev.actors if p.code]
    if len({p.code for p in parties}) > 1:
        return [dataclasses.replace(ev, extra=dict(ev.extra), actors=[p]) for p in parties]
    return [ev]


def _dedupe(events: list[EventMention]) -> list[EventMention]:
    """One event per type, mode and parties in a sentence ("exchanged views and discussed"; not
    "removed the president and jailed him": two acts; nor "the government released 97 rebels,
    while the movement released 45 soldiers": the same country's sides, told apart by sector)."""
    seen: dict[tuple[str, tuple[str, ...], str, tuple[str, ...], tuple[str, ...]], list[EventMention]] = {}
    out: list[EventMention] = []
    for ev in events:
        key = (
            ev.coding.event,
            # ("held talks in Beijing ... on an official visit to China": one meeting, whatever its mode)
            () if ev.coding.event in ("CONSULT", "ASSAULT") else tuple(ev.coding.mode),
            ev.modality,
            tuple(sorted({a.code for a in ev.actors if a.code})),
            tuple(sorted({r.code for r in ev.recipients if r.code})),
        )
        same = next((other for other in seen.get(key, ()) if _same_sides(ev, other) and not _other_days(ev, other)), None)
        if same is not None:
            if same.date is None and ev.date is not None:
                # the mention that dates the act tells it ("discussed the follow-up to the council
                # meeting, which the presidents co-chaired last month")
                seen[key][seen[key].index(same)] = ev
                out[out.index(same)] = ev
            continue
        seen.setdefault(key, []).append(ev)
        out.append(ev)
    return out


def _other_days(a: EventMention, b: EventMention) -> bool:
    """Whether two mentions are dated, and on different days or months ("discussed the follow-up to
    the council meeting, which the presidents co-chaired last month": two meetings)."""
    return a.date is not None and b.date is not None and a.date.value != b.date.value


def _same_sides(a: EventMention, b: EventMention) -> bool:
    """Whether two events of the same codes may be the same parties: no side names, for a code,
    sectors that differ (a missing sector fits any)."""
    def sectors(ents: list[Entity]) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for e in ents:
            if e.code and e.sector:
                out.setdefault(e.code, set()).add(e.sector)
        return out

    for x, y in ((a.actors, b.actors), (a.recipients, b.recipients)):
        sx, sy = sectors(x), sectors(y)
        if any(sx[c].isdisjoint(sy[c]) for c in sx.keys() & sy.keys()):
            return False
    return True


NATURAL_FORCES = words("natural_force_nouns")


OFFER_NOUNS = words("offer_nouns")


def _answered_offer(trig: Trigger, governor: Trigger) -> bool:
    """An offer or proposal a reply verb answers whose phrase names who made it: a possessive
    ("its offer", "New Delhi's offer"), a name before it ("a U.S. proposal") or the agent of its
    participle ("accepted an invitation extended by Al-Khulaifi", "the proposal put forward by
    Egyptian and Qatari mediators")."""
    noun = trig.token
    # (an offer, not a demand: "rejected North Korea's demand" is the rejection only)
    if trig.pattern.pos != "NOUN" or trig.pattern.event != "AGREE" or noun.lemma_.lower() not in OFFER_NOUNS or governor.token.lemma_.lower() not in REPLY_VERBS:
        return False
    return any(
        c.dep_ == "poss" or (c.dep_ in ("amod", "compound", "nmod") and c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON"))
        for c in noun.children
    ) or bool(participle_doers(noun))


EXERCISE_WORDS = words("exercise_nouns")
DECISION_NOUNS = words("decision_nouns")


def _joint_exercise(ev: EventMention) -> bool:
    """An exercise or drill held by parties of several countries with no target named."""
    words_of = {t.lemma_.lower() for t in ev.trigger.tokens}
    if not words_of & EXERCISE_WORDS or len({a.code for a in ev.actors if a.code}) < 2:
        return False
    # ("held joint military exercises in the South China Sea": joint, whatever the place)
    joint = any(c.lower_ in ("joint", "combined", "bilateral", "trilateral") for t in ev.trigger.tokens for c in t.children if c.dep_ == "amod")
    return joint or not any(r.code for r in ev.recipients)


PROTECTION_VERBS = words("protection_verbs")
PEACEKEEPING = words("peacekeeping_words")
MOVING_VERBS = words("moving_verbs")


def _protective_deployment(ev: EventMention) -> bool:
    """Forces moved abroad to protect others, or peacekeepers deployed or arriving ("deployed
    troops to Chad to protect civilians", "European peacekeepers arrived in Bosnia"); not a
    state's own forces moved at home ("Ukraine deployed troops to defend Kyiv")."""
    verb = ev.trigger.token
    if ev.coding.event not in ("MOBILIZE", "CONSULT") or verb.pos_ != "VERB" or verb.lemma_.lower() not in MOVING_VERBS:
        return False
    own = {a.code for a in ev.actors if a.code}
    if own and ev.recipients and all(r.code in own for r in ev.recipients):
        return False
    movers = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "nsubj" and verb.lemma_.lower() == "arrive")]
    peacekeepers = any(t.lemma_.lower() in PEACEKEEPING for m in movers for t in m.subtree if t.i <= m.i)
    shield = any(
        c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in PROTECTION_VERBS and _purpose_clause(c) for c in verb.children
    )
    return peacekeepers or (shield and bool(movers or own))


def _coded_entities(heads: list[Token], covered: dict[int, Any], coref: Coreference, day: dt.date | None, trig: Trigger) -> list[Entity]:
    """The coded entities the tokens name."""
    return [e for e in _entities(heads, covered, coref, day, trig) if e.code]


def _protection_parties(ev: EventMention, entities: Callable[[list[Token]], list[Entity]]) -> tuple[list[Entity], list[Entity]] | None:
    """Parties of a protective deployment: in an agentless passive the forces sent protect ("forces
    of the UN mission have been deployed to protect civilians": the UN mission gives it); with no
    place named, those protected are the recipients ("... to protect civilians"). None when a
    state protects only itself ("Ukraine deployed troops to defend Kyiv": a deployment at home)."""
    verb = ev.trigger.token
    actors, recipients = ev.actors, ev.recipients
    if not actors and is_passive(verb):
        moved = [c for c in verb.children if c.dep_ == "nsubjpass"]
        actors = entities(_with_conjuncts(moved))
        inside = {t.i for m in moved for t in m.subtree}
        recipients = [r for r in recipients if r.head not in inside]
    if not recipients:
        protected = [g for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in PROTECTION_VERBS for g in c.children if g.dep_ == "dobj"]
        own = {a.code for a in actors}
        recipients = [r for r in entities(_with_conjuncts(protected)) if r.code not in own]
    if not recipients and any(a.code for a in actors):
        return None
    return actors, recipients


def _focus_guess(ent: Entity) -> bool:
    """Whether an entity's code is only the article's focus country, given to a body or person
    named without one ("the Director-General", Coreference.with_focus)."""
    return (ent.rule or "").endswith("<document.focus")


def _natural_force(tok: Token) -> bool:
    """A disaster, accident or disease named as a doer ("Cyclone Remal", "the floods", "a cholera
    outbreak")."""
    if tok.pos_ == "NOUN":
        return tok.lemma_.lower() in NATURAL_FORCES
    # a named storm: "Cyclone Remal", "Typhoon Haiyan"
    return tok.pos_ == "PROPN" and any(c.dep_ == "compound" and c.lemma_.lower() in NATURAL_FORCES for c in tok.children)


# events an agentless passive tells as voiced at a meeting ("it was agreed", "concern was expressed")
MEETING_VOICE = SPEECH_EVENTS - {"THREATEN"}
MEETING_VOICE_SENTENCES = 3


def _meeting_voice(coref: Coreference, tok: Token) -> list[Entity]:
    """The parties of the latest meeting told in the sentences just before ``tok``'s (or in its
    own): who says what a passive with no agent tells as said there."""
    if not coref.meeting_parties or opens_condition(tok):
        return []  # ("... in case such a ceasefire is not agreed": a condition, nothing said agreed)
    parties = coref.meeting_parties[-1]
    here = sent_index(tok)
    if not parties or any(here - sent_index(tok.doc[p.head]) > MEETING_VOICE_SENTENCES or p.head > tok.i for p in parties):
        return []
    if len({p.code for p in parties if p.code}) < 2:
        return []
    return [dataclasses.replace(p, rule=f"actor.meeting>{p.rule}", kind="default") for p in parties]


ADDRESSED = {"REQUEST", "SUPPORT"}
# speech acts whose target may be the subject of the clause they report ("warned that the organisers
# would be arrested", "demanded that the protesters disperse")
TOLD_ABOUT = {"THREATEN", "REQUEST", "ACCUSE"}
# events whose target, when none is named, is the state the article is about (when it is not the
# actor's): criticism, demands, warnings, sanctions, attacks ("al-Shabab attacks in 2013" in a
# story about Kenya) and concessions ("the president has decided to lift the freeze", told of
# another state's leader in an article about Turkey, is lifted for Turkey)
FOCUS_ADDRESSED = {"ACCUSE", "REQUEST", "THREATEN", "SANCTION", "ASSAULT", "CONCEDE"}


def _counterpart(coref: Coreference, actors: list[Entity]) -> list[Entity]:
    """The other party of the latest two-party meeting the actor took part in: what a party says
    there with no one named is said to its counterpart."""
    codes = {a.code for a in actors if a.code}
    if len(codes) != 1:
        return []
    for parties in reversed(coref.meeting_parties):
        states = {p.code for p in parties if p.code}
        if len(states) == 2 and codes <= states:
            other = [p for p in parties if p.code and p.code not in codes]
            return [dataclasses.replace(other[0], rule=f"recipient.counterpart>{other[0].rule}", kind="default")]
    return []


def _focus_target(coref: Coreference, tok: Token, actors: list[Entity]) -> list[Entity]:
    """The latest mention before ``tok`` of the state the article is about, when the actor is
    coded and of another state."""
    codes = {a.code for a in actors if a.code}
    focus = coref.focus(tok)
    if not codes or focus is None or focus in codes:
        return []
    mention = next((e for e in coref.mentions_before(tok) if e.code == focus), None)
    if mention is None:
        return []
    return [dataclasses.replace(mention, rule=f"recipient.focus>{mention.rule}", kind="default")]


WARNING_VERBS = words("warning_verbs")


PROPOSAL_NOUNS = words("proposal_nouns")


def _accuses(trig: Trigger) -> bool:
    """Whether a trigger blames: an ACCUSE pattern, or opposing someone's act ("opposes the United
    States' abuse of tariffs", recoded oppose.act)."""
    return trig.pattern.event == "ACCUSE" or (trig.pattern.id == "reject.oppose" and _opposes_an_act(trig.token))


def _opposes_an_act(verb: Token) -> bool:
    """Whether what is opposed is someone's act ("opposes the United States' abuse of tariffs",
    "opposes any unilateral attempt"), not a proposal one turns down ("opposed the plan")."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objs) and all(o.lemma_.lower() not in PROPOSAL_NOUNS and o.pos_ == "NOUN" for o in objs) and any(
        c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE")) for o in objs for c in o.children
    )


DEPARTURE_VERBS = words("departure_verbs")
ORDERING_VERBS = words("ordering_verbs")


def _expels_people(trig: Trigger) -> bool:
    """An expulsion ("expel", "expulsion") of people who are no envoys, troops or mission of a
    state or body: a deportation."""
    tok = trig.token
    if tok.lemma_.lower() not in ("expel", "expulsion"):
        return False
    if tok.pos_ == "VERB":
        objs = [c for c in tok.children if c.dep_ in (("nsubjpass",) if is_passive(tok) else ("dobj",))]
    else:
        objs = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    if not objs:
        return False
    obj = _through_quantity(objs[0])  # ("a dozen of each other's diplomats")
    if obj.tag_ in ("WP", "WDT") and tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN"):
        obj = tok.head  # "the original inhabitants, who were forcibly expelled": those the clause is about
    if obj.pos_ == "PRON" or obj.ent_type_ in ("ORG", "GPE", "PERSON") or obj.lemma_.lower() in MISSION_NOUNS:
        return False  # "expelled them", "expelled MSF", "expelled the ambassador"
    if obj.lemma_.lower() == "worker" and any(c.lower_ in ("aid", "humanitarian", "relief") for c in obj.children):
        return False
    return obj.pos_ in ("NOUN", "PROPN", "NUM")


def _ordered_to_leave(trig: Trigger) -> bool:
    """An order to someone named to leave ("ordered the ambassador to leave the country")."""
    tok = trig.token
    return tok.lemma_.lower() in ORDERING_VERBS and any(c.dep_ == "dobj" for c in tok.children) and any(
        c.dep_ in ("xcomp", "advcl", "ccomp") and c.lemma_.lower() in DEPARTURE_VERBS and not any(g.dep_ == "nsubj" for g in c.children)
        for c in tok.children
    )


def _rejects_violence(trig: Trigger) -> bool:
    """Whether what is rejected is an act of violence ("rejection of the attack", "rejected the
    violence"): the verb's object, or the rejection noun's "of" object."""
    tok = trig.token
    if trig.pattern.pos == "NOUN":
        objs = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    else:
        objs = [c for c in tok.children if c.dep_ == "dobj"]
    return bool(objs) and all(o.lemma_.lower() in VIOLENCE_NOUNS for o in objs)


def _warning_about_others(ev: EventMention) -> bool:
    """A warning that tells what others do or will bring about ("warned that the government's
    actions would divide the country", "warned that the cooperation is dangerous") threatens
    nothing of the speaker's own: it is a criticism. A warning of one's own acts ("warned it could
    turn to Russia"), to someone ("warned Washington of consequences") or on a condition ("at risk
    if Turkey is sanctioned") stays a threat."""
    tok = ev.trigger.token
    if ev.coding.event != "THREATEN" or tok.lemma_.lower() not in WARNING_VERBS or ev.negated:
        return False
    if any(c.dep_ in ("dobj", "dative") for c in tok.children):
        return False
    comp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
    if comp is None:
        return False
    # ("warned that expanding military cooperation between Russia and North Korea is dangerous":
    # a clause as the subject)
    subj = next((c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
    if subj is None or subj.pos_ == "PRON":
        return False
    if not any(t.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") for t in subj.subtree) and not any(
        t.lower_ in OTHERS for t in subj.subtree
    ):
        # "warned that police will no longer tolerate rallies": a bare role noun is the speaker's own
        # side, a threat ("warned that other member states could quit" tells of others)
        return False
    if any(t.lemma_.lower() in RESPONSE_NOUNS for t in comp.subtree):
        # "warned that any aggression would be met with a decisive response": the speaker's own
        # answer is the threat
        return False
    return not any(t.dep_ == "mark" and t.lower_ in ("if", "unless") for t in comp.subtree)


def _warning_of_a_state(trig: Trigger, event_noun: Callable[[str], bool], covered: dict[int, Any]) -> bool:
    """A warning that tells of a state of things, with no one warned and no act of anyone's in
    it ("officials warn it is simply too big to put out", "warned migration brings public safety
    problems"): no threat (codebook: a threat names what the threatener would do)."""
    tok = trig.token
    if tok.lemma_.lower() not in WARNING_VERBS or any(c.dep_ in ("dobj", "dative") for c in tok.children):
        return False
    comp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
    if comp is None:
        # "warned of a possible IS resurgence", "warned of famine": a danger told, no act of the
        # warner's ("warned of consequences", "of military action" threaten one)
        # (the parser may hang the phrase on a date before it: "warned in July of ...")
        holders = [tok, *(g for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj" and g.ent_type_ == "DATE")]
        told = [g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        return bool(told) and not any(
            t.lemma_.lower() in RESPONSE_NOUNS | WARNED_ACTS or t.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") for o in told for t in o.subtree
        )
    if any(t.lemma_.lower() in RESPONSE_NOUNS for t in comp.subtree):
        return False
    if any(t.dep_ == "mark" and t.lower_ in ("if", "unless") for t in comp.subtree):
        return False
    subj = next((c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or any(c.dep_ == "auxpass" for c in comp.children):
        return False  # ("warned that the organisers would be arrested": what would be done to them)
    copular = comp.lemma_ == "be" and any(c.dep_ in ("acomp", "attr") for c in comp.children)
    if subj.lower_ in ("it", "this", "that") and copular:
        return True
    return (
        subj.pos_ == "NOUN" and not subj.ent_type_ and not any(t.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") for t in subj.subtree)
        and not event_noun(subj.lemma_.lower()) and subj.i not in covered
        # ("warned that other member states could quit the bloc": parties)
        and subj.lemma_.lower() not in PARTY_NOUNS and not any(t.lower_ in OTHERS for t in subj.subtree)
    )


OTHERS = words("other_party_words")
PARTY_NOUNS = words("group_nouns")
RESPONSE_NOUNS = words("response_nouns")
WARNED_ACTS = words("warned_acts")
PRIVATE_TRAVELLERS = {s.upper() for s in words("private_traveller_sectors")}
CRAFT = words("civilian_craft")
GOODS = words("arriving_goods")


def _private_travel(ev: EventMention) -> bool:
    """A visit or arrival whose every visitor is private people ("2.8 million Chinese tourists
    visited Vietnam", "another wave of Somalis arrived in Kenya"): travel, no meeting."""
    if ev.coding.event != "CONSULT" or "visit" not in ev.coding.mode or not ev.actors:
        return False
    doc = ev.trigger.token.doc

    def traveller(a: Entity) -> bool:
        # ("the first batch of China's vaccine arrived in Manila": goods delivered)
        if a.sector in PRIVATE_TRAVELLERS or doc[a.head].lemma_.lower() in CRAFT | GOODS:
            return True
        span = doc.char_span(a.start, a.end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        # "Somalis", "another wave of Somalis": a nation's people; "the Iranian vessel": a craft
        people = a.sector is None and span[-1].tag_ == "NNPS" and span[-1].ent_type_ == "NORP" and span[0].lower_ != "the"
        # ("it made a two-day stop at the port": the pronoun's antecedent, "the Iranian cargo ship")
        told = str((a.resolved or {}).get("entity_text") or "").lower().split()
        return people or any(t.lemma_.lower() in CRAFT for t in span) or any(w in CRAFT or w.rstrip("s") in CRAFT for w in told)

    return all(traveller(a) for a in ev.actors)


PRESS_NOUNS = words("press_nouns")
# events whose recipient benefits: thanked for, the thanker is their recipient
BENEFITS = {"AID", "SUPPORT", "COOPERATE"}


def _press_contact(ev: EventMention) -> bool:
    """A talk with the press ("spoke with VOA", "Chinese officials spoke with reporters"): a
    statement given, no meeting of political actors."""
    if ev.coding.event != "CONSULT":
        return False
    doc = ev.trigger.token.doc

    def press(e: Entity) -> bool:
        return e.sector == "JRN" or (doc[e.head].lemma_.lower() in PRESS_NOUNS and not e.code)

    return any(press(e) for e in ev.actors + ev.recipients)


def _press_question(ev: EventMention, covered: dict[int, Any], day: dt.date | None) -> bool:
    """A question the press puts ("Asked by VOA whether ..., Rubio said", "reporters asked him"):
    an interview, no request of anyone."""
    verb = ev.trigger.token
    if ev.coding.event != "REQUEST" or ev.trigger.pattern.pos != "VERB" or verb.lemma_.lower() not in ("ask", "question", "query"):
        return False
    askers = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    askers += [c for c in verb.children if c.dep_ == "nsubj"]
    return any(names_press(g, describe_head(g, covered, day)) for g in askers)


COMMENTATORS = words("commentator_nouns")


def _commentary(ev: EventMention) -> bool:
    """A verbal event whose every actor is a commentator of no named body ("researchers warn",
    "Chinese analysts criticized"): commentary, no interaction."""
    if ev.coding.event not in SPEECH_EVENTS or not ev.actors:
        return False
    doc = ev.trigger.token.doc
    return all(_commentator(doc[a.head], a) for a in ev.actors)


def _commentator(head: Token, ent: Entity) -> bool:
    """A commentator of no named body: "analysts", "Matthew Brummer, a professor at ..." (not
    "U.N. sanctions experts", whose body a dictionary codes)."""
    described = [head, *(c for c in head.children if c.dep_ == "appos")]
    return any(t.lemma_.lower() in COMMENTATORS for t in described) and "org." not in (ent.rule or "")


def _voices(tok: Token) -> list[Token]:
    """Who says or thinks the clause a token is in: the speaker of its quotation or reporting
    verb, and the subjects of the verbs whose complement holds it ("experts warn that ...",
    "analysts believe ...")."""
    out = [s for s in [speaker_of(tok)] if s is not None]
    cur = tok
    out += _according_to(cur)
    for _ in range(4):
        if cur.dep_ not in ("ccomp", "xcomp", "conj", "advcl", "dobj", "pobj", "prep", "pcomp") or cur.head.i == cur.i:
            break
        was, cur = cur, cur.head
        if was.dep_ == "ccomp":
            out += [c for c in cur.children if c.dep_ == "nsubj"]
        out += _according_to(cur)
    return out


def _according_to(verb: Token) -> list[Token]:
    """Who a clause is told "according to" ("According to analysts, Japan wants to ...")."""
    return [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "according" for p in c.children if p.lower_ == "to" for g in p.children if g.dep_ == "pobj"]


def _commentators_forecast(ev: EventMention) -> bool:
    """An event a commentator forecasts or imagines ("Matthew Brummer, a professor, said Japan
    will likely increase cooperation"): a forecast by observers, not coded (codebook §2)."""
    src = ev.attributed_to
    if ev.modality not in ("future", "hypothetical"):
        return False
    doc = ev.trigger.token.doc
    if src is None:
        # "Analysts say Pakistan is likely to strike": unnamed commentators, whom no code names
        return any(s.pos_ == "NOUN" and s.lemma_.lower() in COMMENTATORS for s in _voices(ev.trigger.token))
    return 0 <= src.head < len(doc) and _commentator(doc[src.head], src)


def _accepted_invitation(ev: EventMention, before: list[EventMention]) -> None:
    """"Vieira invited Jaishankar to visit Brazil, and the invitation was accepted": an acceptance
    with no one named is the invited party's, towards the inviter (the latest invitation told
    in the two sentences before or in this one)."""
    tok = ev.trigger.token
    if tok.lemma_.lower() != "accept":
        return
    passive = is_passive(tok)
    if passive and any(c.dep_ == "agent" for c in tok.children):
        return
    if not passive and any(a.code for a in ev.actors):
        return
    # (passive, no one named: those who met may have been given as its voice; "the minister
    # accepted the invitation" with the minister unknown: the invited)
    subj = next((c for c in tok.children if c.dep_ == ("nsubjpass" if passive else "dobj")), None)
    if subj is None:
        return
    if subj.tag_ in ("WDT", "WP") and tok.dep_ == "relcl":
        # ("an invitation to visit Pakistan, which was accepted": the invitation, further up)
        subj = next((n for n in (tok.head, *enclosing_nouns(tok.head)) if n.lemma_.lower() == "invitation"), tok.head)
    if subj.lemma_.lower() != "invitation":
        return
    for prior in reversed(before):
        if ev.sentence - prior.sentence > 2:
            return
        if any(t.lemma_.lower() in ("invite", "invitation") for t in prior.trigger.tokens) and any(r.code for r in prior.recipients):
            ev.actors = [r for r in prior.recipients if r.code]
            ev.recipients = [a for a in prior.actors if a.code]
            return


def _clause_verb(tok: Token) -> Token:
    """A noun's verb when the noun is its subject or object; a verb itself."""
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and tok.head.i != tok.i:
        return tok.head
    return tok


def _main_clause(tok: Token) -> bool:
    while tok.dep_ in ("conj", "xcomp") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "ROOT" or (tok.dep_ == "ccomp" and tok.head.dep_ == "ROOT" and tok.head.lemma_ in REPORTING)


def _holds(detention: EventMention, release: Token) -> bool:
    """Whether a detention is of the person whose release is asked ("Zamora's release", "the
    release of Zamora"); a pronoun owner ("his release") is the person detained last."""
    owners = [c for c in release.children if c.dep_ == "poss"]
    owners += [g for c in release.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    names = [o for o in owners if o.pos_ == "PROPN"]
    if not names:
        return True
    def told(e: Entity) -> str:
        return " ".join([e.entity_text, (e.resolved or {}).get("entity_text") or "", e.identifier_text or ""])
    return any(n.text in told(r) for n in names for r in detention.recipients)


def _event_object_parties(trig: Trigger, before: list[EventMention], index: PatternIndex) -> list[Entity]:
    """The actors of the earlier event an object noun refers back to ('condemned the strikes',
    'denounced the attack'), when the noun has no actor of its own."""
    objs = [c for c in trig.token.children if c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "NOUN"]
    # "critical of the agreement", "protested against the deal": the object of the pattern's preposition
    objs += [g for c in trig.token.children if c.dep_ == "prep" and c.lower_ in (trig.pattern.prep, "of", "about", "over", "against")
             and not objs for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"]
    for obj in objs:
        lemma = obj.lemma_.lower()
        if lemma in RELEASE_NOUNS:
            # "called for Zamora's release": whoever holds him, told as his detention before
            held = next((ev for ev in reversed(before) if ev.coding.event == "COERCE" and ev.coding.cameo.startswith("17")
                         and any(a.code for a in ev.actors) and _holds(ev, obj)), None)
            if held is not None:
                return _told_as(obj, held.actors, "coref.detainer")
            continue
        if not owner_undergoes(obj) and any(c.dep_ in ("poss", "amod", "compound") and c.pos_ == "PROPN" for c in obj.children):
            continue  # "condemned Israel's strike": a doer of its own ("Zamora's arrest" names who underwent it)
        if any(t.pos_ == "PROPN" and t.ent_type_ in PARTY_ENTS for t in obj.subtree if t.i > obj.i):
            continue  # "welcomed the talks between the United States and Iran": parties of its own
        if lemma in ACT_NOUNS and any(c.dep_ == "det" and c.lower_ in ("the", "this", "these", "that", "those") for c in obj.children):
            # "condemned the measures as illegal", "welcomed the move": the latest act told just
            # before (not a statement), done by its actors
            here = sent_index(trig.token)
            act = next((ev for ev in reversed(before) if here - ev.sentence <= ACT_NOUN_SENTENCES and ev.coding.event in MATERIAL_EVENTS
                        and not ev.negated and any(a.code for a in ev.actors)), None)
            if act is not None:
                return _told_as(obj, act.actors, "coref.event")
            continue
        noun_events = {p.event for p in index.candidates("NOUN", lemma)}
        if not noun_events:
            continue
        # the latest event told by the same word ("condemned the attack": the attack told before,
        # not a strike told since), else the latest of the noun's kind
        same_word = [ev for ev in before if ev.trigger.token.lemma_.lower() == lemma or ev.trigger.pattern.head == lemma]
        kind = [ev for ev in before if ev.coding.event in noun_events or (ev.coding.event == "ASSAULT" and lemma in VIOLENCE_NOUNS)]
        told = same_word[-1] if same_word else kind[-1] if kind else None
        if told is not None:
            # the doers of a one-sided event; everyone in a meeting
            parties = told.actors + (told.recipients if told.coding.event in ("CONSULT", "COOPERATE", "AGREE") else [])
            return _told_as(obj, parties, "coref.event")
    return []


def _told_as(obj: Token, parties: list[Entity], rule: str) -> list[Entity]:
    """The coded parties of an earlier event, told here by the object noun phrase that refers to it."""
    first = min([obj, *(c for c in obj.children if c.dep_ in ("det", "amod", "poss"))], key=lambda t: t.i)
    text = obj.doc[first.i : obj.i + 1].text
    return [
        dataclasses.replace(a, entity_text=text, start=first.idx, end=obj.idx + len(obj.text), head=obj.i, rule=f"{rule}>{a.rule}")
        for a in parties
        if a.code
    ]


VIOLENCE_NOUNS = words("violence_nouns")
ACT_NOUNS = words("act_nouns")
ACT_NOUN_SENTENCES = 2
# acts, not statements: what "the measures", "the move" can refer back to
MATERIAL_EVENTS = {"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "RETREAT", "CONCEDE", "AID", "COOPERATE", "REJECT", "PROTEST"}
RELEASE_NOUNS = words("release_nouns")
PARTY_ENTS = {"GPE", "NORP", "ORG", "PERSON"}
AGGREGATE_WORDS = words("aggregate_quantities")


def _finite_acl(tok: Token) -> bool:
    """A verb parsed as a noun's clause that is really the sentence's verb: past tense, or a
    participle with a direct object ("Israeli airstrikes killed 12 people, officials said")."""
    return tok.dep_ == "acl" and (tok.tag_ == "VBD" or (tok.tag_ == "VBN" and any(c.dep_ == "dobj" for c in tok.children)))


def _owned_event(trig: Trigger) -> bool:
    """An event noun naming its doer ("condemned Israel's strike on Doha", "the Israeli strikes",
    "the M23 offensive"): what is condemned is alleged, and coded too (codebook: accusations)."""
    tok = trig.token
    if trig.pattern.pos != "NOUN" or tok.dep_ != "dobj":
        return False
    return _names_doer(tok)


# prepositions of a reason: "sanctions over Tehran's supply of drones", "punished Iran for its attack"
REASON_PREPS = {"over", "for"}
REACTIONS = {"SANCTION", "ACCUSE", "COERCE", "REJECT", "THREATEN", "PROTEST", "REQUEST"}


CUSTODY_PLACES = words("custody_places")


def _custody_holders(verb: Token) -> list[Token]:
    """Who a custody belongs to, named by the modifier of its noun in the verb's "in" phrase ("held
    in a U.S. prison", "remains in Taliban custody", "detained in Iranian jails")."""
    nouns = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() in CUSTODY_PLACES]
    return [m for n in nouns for m in n.children if m.dep_ in ("compound", "amod", "poss", "nmod") and (m.ent_type_ in ("GPE", "NORP", "ORG") or m.pos_ == "PROPN")]


def _custody_participle(trig: Trigger) -> bool:
    """A participle of detention on the noun of who is held ("an Afghan man held in a U.S.
    prison", "Colombian nationals detained in Venezuela"): it tells a custody of its own, whatever
    the clause above does with the person (free, release, discuss)."""
    tok = trig.token
    return (
        trig.pattern.pos == "VERB" and trig.pattern.cameo == "173" and tok.dep_ == "acl" and tok.tag_ == "VBN"
        and tok.head.pos_ in ("NOUN", "PROPN") and not any(c.dep_ == "auxpass" for c in tok.children)
    )


def _speech_participle(trig: Trigger, governor: Trigger) -> bool:
    """A speech act told in a participle clause after another act ("staged a protest outside the
    ministry, accusing the government of concessions", "ordered the ambassador to leave, accusing
    him of ..."): an accusation by the same party, an event of its own (not a second act of the
    governor's type: "condemned the attack, calling it cowardly"; what protesters demand gets no
    REQUEST line, codebook)."""
    tok = trig.token
    return (
        trig.pattern.pos == "VERB" and tok.dep_ == "advcl" and tok.tag_ == "VBG" and not trig.pattern.weak
        and trig.pattern.event == "ACCUSE" and governor.pattern.event != "ACCUSE"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in tok.children)
        and tok.i > 0 and tok.doc[tok.i - 1].text in (",", "—", "–")
    )


def _reason_of_reaction(trig: Trigger, governor: Trigger) -> bool:
    """An act with a named doer given as the reason of a reaction ("imposed sanctions over
    Tehran's supply of attack drones to Russia"): an event of its own (codebook: background
    events are coded), not a word of the reaction's phrase."""
    tok = trig.token
    return (
        trig.pattern.pos == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in REASON_PREPS
        and tok.head not in governor.tokens  # ("calls for Navalny's release": what is asked for)
        and governor.pattern.event in REACTIONS and governor.pattern.event != trig.pattern.event
        and _names_doer(tok)
    )


def _names_doer(tok: Token) -> bool:
    """An event noun whose phrase names its doer: a possessive or a name before it ("Israel's
    strike", "the M23 offensive"), or the agent of its participle ("the tariffs imposed by the US")."""
    named = ("GPE", "NORP", "ORG", "PERSON")
    # ("Navalny's release": the owner of such a noun undergoes it)
    owner_deps = ("amod", "compound", "nmod") if owner_undergoes(tok) else ("poss", "amod", "compound", "nmod")
    return any(
        c.dep_ in owner_deps and (c.ent_type_ in named or c.pos_ == "PROPN") for c in tok.children
    ) or any(  # "the tariffs imposed by the United States"
        g.ent_type_ in named or g.pos_ == "PROPN" for g in participle_doers(tok)
    )


def _named_violence(trig: Trigger) -> bool:
    """A noun of violence whose doer is named by a possessive or a name ("Israel's attacks",
    "Russian strikes", "the M23 offensive"), told in the plural or with its target: an act."""
    tok = trig.token
    if trig.pattern.pos != "NOUN" or trig.pattern.event != "ASSAULT" or tok.dep_ in ("compound", "amod"):
        return False
    named = ("GPE", "NORP", "ORG", "PERSON")
    if any(c.dep_ in ("poss", "amod", "compound", "nmod") and c.ent_type_ in named and c.pos_ in ("PROPN", "ADJ") for c in tok.children):
        return True
    # "the use of water cannon by China Coast Guard vessels against a Philippine ship": the doer
    # named in a "by" phrase
    doers = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children if g.dep_ == "pobj"]
    return any(
        (d.pos_ == "PROPN" and d.ent_type_ in named)
        or any(c.dep_ in ("poss", "amod", "compound", "nmod") and c.ent_type_ in named and c.pos_ in ("PROPN", "ADJ") for c in d.children)
        for d in doers
    )


def _planned(trig: Trigger) -> bool:
    """An event noun told as planned ("discussed arrangements for an upcoming visit"): an event of
    its own, still to come (codebook: unrealised meetings are AGREE)."""
    return trig.pattern.pos == "NOUN" and planned_noun(trig.token)


def _undominated(
    triggers: list[Trigger], alleged: dict[int, Trigger] | None = None, praised: dict[int, Trigger] | None = None,
    answered: dict[int, Trigger] | None = None, parties: frozenset[int] = frozenset(),
) -> list[Trigger]:
    """Drop triggers governed by another trigger of the same clause ('agreed to cooperate').

    An event an accusation alleges ("accused Israel of attacking the embassy") is kept: the codebook
    codes it too, attributed to the accuser; ``alleged`` maps its token to the accusing trigger.
    An act thanked for or welcomed ("thanked Australia for its assistance") is kept too;
    ``praised`` maps its token to the thanking trigger. An offer or proposal answered ("rejected
    its offer") is kept under the codebook's conventions (``answered`` given): it maps to the reply.
    ``parties`` are the token indices of states and bodies named: a non-restrictive relative clause
    on one ("urged Mali, which left ECOWAS, to ...") tells that party's own act.
    """
    if praised is None:
        praised = {}
    # a verb pattern that holds a more specific noun phrase ("sent a congratulatory message": send
    # message, CONSULT) gives way to it: the noun's event, done by the verb's subject
    outranked = {
        id(t) for t in triggers for n in triggers
        if n is not t and n.pattern.pos == "NOUN" and n.pattern.extra and n.token in t.tokens
        and t.pattern.id.startswith("cv.") and t.token.lemma_.lower() in LIGHT_VERBS and n.pattern.priority > t.pattern.priority
    }
    triggers = [t for t in triggers if id(t) not in outranked]
    # "violated the truce by killing three civilians": the act done by way of another of its type
    # tells it; the name put on it is no line of its own
    named = {
        id(t) for t in triggers for m in triggers
        if m is not t and m.pattern.event == t.pattern.event and _means_of(m, m.token.head) and m.token.head.head.i == t.token.i
    }
    triggers = [t for t in triggers if id(t) not in named]
    at = {t.token.i: t for t in triggers}
    inside = {tok.i for t in triggers for tok in t.tokens}
    kept = []
    for trig in triggers:
        if _named_violence(trig) and not any(
            t is not trig and t.pattern.event == trig.pattern.event and (trig.token in t.tokens or t.token.i == trig.token.head.i)
            for t in triggers
        ):
            # "stop Israel's attacks", "Russian strikes must end": violence with a named doer is an
            # event of its own, whatever is asked or said of it (unless a verb of its type tells it)
            kept.append(trig)
            continue
        if trig.token.i in inside and not any(t is not trig and trig.token.i == t.token.i for t in triggers):
            # a word of another trigger's phrase (e.g. the object of 'impose sanctions')
            holder = next((t for t in triggers if trig.token in t.tokens and t is not trig), None)
            if holder is not None and holder.token.head.i == trig.token.i and holder.token.dep_ in ("acl", "relcl"):
                # "condemned the military exercises held by the United States near its borders":
                # the noun's own clause names it as its object; the noun heads the event
                holder = None
            if holder is not None and _answered_offer(trig, holder) and answered is not None:
                # "declined New Delhi's offer of helicopters", "accept a U.S. proposal": the offer
                # answered is an act of its own (below)
                answered[trig.token.i] = holder
                kept.append(trig)
                continue
            if holder is not None:
                continue
        cur: Token = trig.token
        dominated = False
        condition = False
        if trig.pattern.pos == "NOUN" and trig.pattern.event == "CONSULT" and _planned(trig) and any(
            t is not trig and t.pattern.event != "CONSULT" for t in triggers
        ):
            # "agreed to expedite work for the Annual Summit to be held in Japan": the planned
            # meeting is an event of its own (codebook: unrealised meetings are AGREE)
            kept.append(trig)
            continue
        if _finite_acl(cur):
            kept.append(trig)  # a finite verb mis-parsed as a noun's clause heads its own event
            continue
        if cur.dep_ in ("nsubj", "nsubjpass") and cur.head.i in at and not at[cur.head.i].pattern.weak and not (
            # ("Germany's aid to Kenya was welcomed", "Israel's strikes were condemned": the act
            # judged is told as an act of its own)
            cur.dep_ == "nsubjpass" and trig.pattern.pos == "NOUN" and at[cur.head.i].pattern.event in ("SUPPORT", "ACCUSE")
        ):
            continue  # "the attack killed five": the verb's event, with the noun's actor
        if cur.dep_ == "nsubj" and any(_finite_acl(c) and c.i in at for c in cur.children):
            continue  # the noun whose mis-parsed verb codes the event
        if any(misparsed_finite(c) and c.i in at for c in cur.children):
            continue  # "Turkey hosted talks": the object of a verb parsed as its adjective
        for _ in range(4):
            if cur.dep_ == "conj" and cur.pos_ == "VERB" and cur.head.dep_ == "xcomp" and cur.head.head.lemma_.lower() in REQUEST_VERBS and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in cur.children
            ) and not _misattached_conj(cur):
                # (a finite verb joined to the infinitive is the speaker's next act, misparsed: "urged
                # both governments to settle the dispute and offered to host talks")
                # "urged Afghanistan to hold them accountable and cooperate with Pakistan": the
                # second infinitive is asked too
                cur = cur.head
            if (
                cur.dep_ == "conj" and cur.i == trig.token.i and trig.pattern.pos == "NOUN" and cur.head.pos_ in ("NOUN", "PROPN")
                and cur.head.dep_ in ("dobj", "pobj") and cur.head.i not in inside
            ):
                # "called for an immediate ceasefire, unhindered access and the release of all
                # hostages": a noun joined to an object is governed with it (not one joined to a
                # word of another trigger: "convey Ghana's solidarity and its readiness to ...")
                cur = cur.head
            if cur.dep_ not in DOMINATING_DEPS or cur.head.i == cur.i:
                break
            if cur.dep_ == "advcl" and _own_clause(cur):
                break  # "retaliated with tariffs, while Canada imposed new tariffs": two acts
            if cur.i == trig.token.i and cur.head.i in at and _speech_participle(trig, at[cur.head.i]):
                break  # "staged a protest, accusing the government of concessions": a charge of its own
            if cur.i == trig.token.i and _forces_commanded(trig):
                break  # "ordered its military to seal border areas": what the forces are to do (codebook §2)
            if cur.i == trig.token.i and _custody_participle(trig):
                break  # "agreed to free an Afghan man held in a U.S. prison": the custody is told too
            if cur.i == trig.token.i and cur.dep_ == "relcl" and trig.pattern.pos == "VERB" and _own_subject(cur):
                # "told reporters after the talks that Cambodian troops had planted landmines" (a
                # complement clause parsed as the noun's relative), "one of which wounded three
                # soldiers": a clause with a subject of its own tells its own act
                break
            if cur.i == trig.token.i and _aside_on_party(cur, parties) and ((governor := _governing_trigger(cur, at)) is None or not _accuses(governor)):
                break  # "urged Mali and Niger, which left ECOWAS in January, to ...": an aside, the party's own act
            if cur.i == trig.token.i and cur.dep_ == "ccomp" and cur.i < cur.head.i and _own_subject(cur) and any(
                t.text == ";" for t in cur.doc[cur.right_edge.i + 1 : cur.head.i + 1]
            ):
                # "forces detained three officers; a court freed them": a clause before a semicolon
                # parsed as the next one's complement is a sentence of its own
                break
            if cur.i == trig.token.i and cur.dep_ == "relcl" and trig.pattern.pos == "VERB" and cur.head.i in at and (
                at[cur.head.i].pattern.event == "CONSULT" and at[cur.head.i].pattern.pos == "NOUN"
            ):
                break  # "the EAC-SADC Summit, which called for an immediate ceasefire": what the meeting did
            if cur.i == trig.token.i and cur.dep_ == "relcl" and trig.pattern.pos == "VERB" and trig.token.lemma_.lower() in REPLY_VERBS:
                break  # "extended an invitation, which was accepted": the reply is another party's act
            if occasion(cur) and trig.pattern.event == "CONSULT" and trig.pattern.pos == "NOUN":
                # "agreed to a ceasefire at talks hosted by Malaysia", "met on the sidelines of the
                # G20 summit": the talks, the summit are an event too
                break
            via = cur.dep_
            if _condition_on_another(cur):
                condition = True
            prev = cur
            cur = cur.head
            if cur.i in at and at[cur.i] is not trig:
                if via == "advcl" and at[cur.i].pattern.event == "CONSULT" and trig.pattern.event != "CONSULT" and _purpose_clause(prev):
                    # "spoke by telephone with his Beninese counterpart to convey Ghana's
                    # solidarity": the call, and what was said in it
                    break
                if condition and (at[cur.i].pattern.event == "THREATEN" or any(a.i in at and at[a.i].pattern.event == "THREATEN" for a in cur.ancestors)):
                    # codebook §5: "warned it would cut exports if Country B seized its trawlers":
                    # the condition, someone else's act, is an event of its own (hypothetical)
                    break
                if _reason_of_reaction(trig, at[cur.i]):
                    break
                if _means_of(trig, prev) and at[cur.i].pattern.event not in ("SUPPORT", "ACCUSE"):
                    # (not under praise or blame: "appreciated the role played by X in de-escalating
                    # tensions by facilitating a ceasefire" is X's act, hung on the wrong verb)
                    break  # "violated the truce by killing three civilians": the act done is told
                # (a noun joined to an object stands where that object stands)
                role = trig.token.head.dep_ if trig.token.dep_ == "conj" and trig.pattern.pos == "NOUN" else trig.token.dep_
                # (a word of stance is an act when its pattern names what is given: "thanked Germany
                # for its contribution to the UN trust fund", not "for its contribution to peace")
                # ("thanked China for its principled support to Pakistan": a stance given to a
                # named party is an act too)
                judged = trig.pattern.pos == "NOUN" and role in ("dobj", "pobj") and (
                    trig.token.lemma_.lower() not in STANCE_NOUNS or bool(trig.pattern.prep_object) or _given_to_party(trig.token)
                )
                # "welcomed the US decision to lift the sanctions", "condemned Israel's decision to
                # expand settlements": the act decided is told as an act of its own
                judged = judged or (
                    trig.pattern.pos == "VERB" and trig.token.dep_ == "acl" and trig.token.head.lemma_.lower() in DECISION_NOUNS
                    and trig.token.head.dep_ in ("dobj", "pobj")
                )
                if alleged is not None and _accuses(at[cur.i]) and (
                    role in ("pcomp", "pobj", "ccomp") or _owned_event(trig) or judged
                    or (via in ("acl", "ccomp") and at[cur.i].pattern.pos == "NOUN")
                    or via == "ccomp"  # "noted that the EU continued to pump weapons into Ukraine, thereby obstructing ..."
                ):
                    # "condemned the detention of X": the detention is an event too (codebook §2)
                    alleged[trig.token.i] = at[cur.i]
                    break
                # "thanked Türkiye for hosting the talks": the act thanked for is told as done
                thanked_for = trig.pattern.pos == "VERB" and trig.token.dep_ == "pcomp" and trig.token.head.lower_ == "for"
                # (a noun trigger heading the sentence is its verb misparsed: "Pakistan thanks China for ...")
                if (judged or thanked_for) and (at[cur.i].pattern.pos == "VERB" or at[cur.i].token.dep_ == "ROOT") and (
                    at[cur.i].pattern.event == "SUPPORT" or (at[cur.i].pattern.event == "CONSULT" and (_owned_event(trig) or _planned(trig)))
                ):
                    # "welcomed the talks between A and B", "discussed the tariffs imposed by the
                    # United States": the named act is an event of its own
                    if alleged is not None and at[cur.i].pattern.event == "SUPPORT":
                        praised[trig.token.i] = at[cur.i]
                    break
                if answered is not None and _answered_offer(trig, at[cur.i]):
                    # "Tehran rejected its offer for new talks", "declined New Delhi's offer of
                    # helicopters": the offer is an act of its own (codebook: proposing is AGREE),
                    # made to the one who answers it
                    answered[trig.token.i] = at[cur.i]
                    break
                dominated = True
                break
            if via in ("advcl", "xcomp") and any(c.dep_ == "dobj" and c.i in at and at[c.i] is not trig for c in cur.children):
                # "continued their hunger strike to demand reforms": the purpose of the strike
                dominated = True
                break
        if not dominated:
            kept.append(trig)
    return sorted(kept, key=lambda t: t.tokens[0].i)


def _means_of(trig: Trigger, prep: Token) -> bool:
    """Whether a verb trigger is the "by" gerund of the trigger above it: the means, an act of its
    own ("accused Israel of violating the truce by killing three Palestinians")."""
    return trig.pattern.pos == "VERB" and trig.token.dep_ == "pcomp" and trig.token.head.i == prep.i and prep.lower_ == "by"


def _given_to_party(noun: Token) -> bool:
    """Whether a noun's "to" phrase names a state or body ("its support to Pakistan")."""
    return any(
        g.dep_ == "pobj" and g.pos_ == "PROPN" and g.ent_type_ in ("GPE", "NORP", "ORG")
        for p in noun.children if p.dep_ == "prep" and p.lower_ in ("to", "toward", "towards") for g in p.children
    )


def _takes_a_place(verb: Token) -> bool:
    """Whether a verb's object names a place (a town, a region, a base), not people."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    objs += [g for o in objs for g in o.conjuncts]
    return bool(objs) and all(o.ent_type_ in ("GPE", "LOC", "FAC") or o.lemma_.lower() in PLACE_NOUNS for o in objs)


def _subject_of_its_own(clause: Token) -> Token | None:
    """A clause's subject when it is a phrase of its own, not the relative pronoun ("that Cambodian
    troops had planted", "one of which wounded"; not "which killed", "who attacked")."""
    return next(
        (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WDT", "WP", "WP$") and c.lower_ not in ("that", "which", "who")),
        None,
    )


def _aside_on_party(clause: Token, parties: frozenset[int]) -> bool:
    """A non-restrictive relative clause on a named state or body, its relative pronoun the subject: "Mali,
    which left ECOWAS in January," tells what the party did, whatever the sentence does with it."""
    head = clause.head
    return (
        clause.dep_ == "relcl" and clause.pos_ == "VERB" and head.pos_ == "PROPN"
        # (a state or body that is a party of the sentence, not a place or a date: "talks in
        # Washington, which ...", "adopted on 18 July, which ...")
        and head.i in parties and head.dep_ in ("dobj", "nsubj", "nsubjpass", "conj", "appos", "dative")
        and any(c.dep_ == "nsubj" and c.lower_ in ("which", "who") for c in clause.children)
        and clause.left_edge.i > 0 and clause.doc[clause.left_edge.i - 1].text == ","
    )


def _governing_trigger(clause: Token, at: dict[int, Trigger]) -> Trigger | None:
    """The nearest trigger above a clause (within four steps)."""
    cur = clause
    for _ in range(4):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.i in at:
            return at[cur.i]
    return None


FORCES = words("force_nouns")


def _forces_commanded(trig: Trigger) -> bool:
    """A conflictual act a party's own forces are told to carry out ("ordered its military to
    immediately seal border areas", "ordered troops to shell the town"): the act, planned (codebook
    §2: an order to shell a town is ASSAULT), not a request."""
    clause = trig.token
    return (
        trig.pattern.event in ("ASSAULT", "COERCE") and clause.dep_ == "xcomp"
        and any(c.dep_ == "dobj" and c.lemma_.lower() in FORCES for c in clause.head.children)
    )


def _own_subject(clause: Token) -> bool:
    return _subject_of_its_own(clause) is not None


def _purpose_clause(clause: Token) -> bool:
    """An infinitive of purpose with no subject of its own ("to convey Ghana's solidarity")."""
    return (
        clause.pos_ in ("VERB", "AUX")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
    )


def _condition_on_another(clause: Token) -> bool:
    """A conditional clause with a subject of its own ("if Country B seized the trawlers")."""
    return (
        clause.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in clause.children)
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
    )


CONTRAST_MARKS = words("contrast_marks")
REQUEST_VERBS = words("request_verbs")
SIMULTANEITY_MARKS = words("simultaneity_marks")
ACQUIRING_VERBS = words("acquiring_verbs")
PRAISE_VERBS = words("praise_verbs")
VOICED_NOUNS = words("voiced_nouns")
TAKING_VERBS = words("taking_verbs")
PLACE_NOUNS = words("place_nouns")
SEQUENCE_MARKS = words("sequence_marks")


def _own_clause(verb: Token) -> bool:
    """An adverbial clause with a subject of its own, opened by a conjunction of contrast or
    concession ("while Canada imposed tariffs", "although Kyiv rejected it"): it tells an act of its
    own, not a circumstance of the main one ("as they continued their effort", "after the court
    cleared him", "before they demobilize")."""
    subj = _subject_of_its_own(verb)
    if subj is None:
        return False
    if any(c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in verb.children):
        return True
    # "Police detained 30 activists, as candidate Mondlane rejected the results": another party,
    # named, acting at the same time (not "after the court cleared him", where a pronoun or the
    # main subject goes on)
    main = verb.head
    main_subj = next((c for c in main.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if is_passive(main) and not any(c.dep_ == "agent" for c in main.children) and subj.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ in ("mark", "advmod") and c.lower_ in SIMULTANEITY_MARKS for c in verb.children
    ):
        return True  # "five soldiers were killed when militants ambushed their convoy": the doers' act
    return (
        any(c.dep_ == "mark" and c.lower_ in SIMULTANEITY_MARKS | SEQUENCE_MARKS for c in verb.children)
        and subj.pos_ == "PROPN" and (main_subj is None or main_subj.lemma_ != subj.lemma_)
    )


LOCATING_PREPS = {"of", "from", "in", "throughout", "across", "at", "inside", "within", "for"}


# sectors of bodies that belong to a state (a bare "government" or "police" is the article's country's)
DOMESTIC_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "OPP", "PTY", "REB"}

OWNER_PREPS = {"of", "with", "from", "belonging", "against", "on"}


def _doers(noun: Token, covered: dict[int, Any], day: dt.date | None) -> list[Entity]:
    """The coded doers an event noun names: its "by" agent, its owner ("China's detention of"),
    its demonym ("Chinese detention")."""
    frame = light_frame(noun)
    cands = by_objects(noun) + (by_objects(frame) if frame is not noun else [])
    # "the airstrikes carried out by the Zionist regime": the participle's agent
    cands += _with_conjuncts(participle_doers(noun))
    if noun.lemma_.lower() in RELEASE_NOUNS:
        # "called for the release of all hostages held by Hamas": who holds them is asked
        held = [g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
        cands += [a for h in held for a in participle_doers(h)]
    # ("condemned Zamora's arrest": Zamora was arrested, he did not arrest)
    owner_done_to = owner_undergoes(noun)
    cands += [c for c in noun.children if (c.dep_ == "poss" and not owner_done_to) or (c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE"))]
    if not any(c.dep_ == "poss" for c in noun.children):
        # "protested against the mass deportations of Mexican migrants from the United States"
        cands += expelled_from(noun)
    # "warned that military cooperation between Russia and North Korea is dangerous": both do it
    cands += _with_conjuncts([g for p in noun.children if p.dep_ == "prep" and p.lower_ == "between" for g in p.children if g.dep_ == "pobj"])
    out = []
    for c in cands:
        ent = describe_head(c, covered, day) if c.pos_ != "PRON" else None
        if ent is not None and ent.code:
            out.append(ent)
    return out


def _inherit_code(
    ent: Entity, head: Token, covered: dict[int, Any], day: dt.date | None, preps: set[str] = LOCATING_PREPS
) -> None:
    """A phrase without a country takes one from its apposition or a locating phrase.

    "Ishaq Dar, Pakistan's foreign minister", "opposition groups in Zimbabwe", "members of the
    Association of African Jurists": the code of the apposition or prepositional object.
    """
    cands = [c for c in head.children if c.dep_ == "appos"]
    # a title phrase the parser cut off before a name ("Botswana opposition lawmaker | Wynter
    # Mmolotsi criticized"): a noun phrase of the same verb that ends right before the name
    cands += [c for c in head.head.children if c.dep_ == "npadvmod" and c.right_edge.i == head.left_edge.i - 1 and c.i != head.i]
    # (a possessor says whose the phrase is: "the Kingdom's condemnation of the attack in Pahalgam")
    owned = any(c.dep_ == "poss" for c in head.children)
    cands += [g for c in head.children if c.dep_ == "prep" and c.lower_ in preps and not owned for g in c.children if g.dep_ == "pobj"]
    cands += [g for c in head.children if c.dep_ == "acl" and not owned for p in c.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
    # "criminal gangs that control illegal gold mining in Venezuela's Bolivar state", "militants
    # who operate in Kunar": where the clause about them places what they do
    cands += [] if owned else [
        g for c in head.children if c.dep_ == "relcl"
        for h in (c, *(o for o in c.children if o.dep_ == "dobj"))
        for p in h.children if p.dep_ == "prep" and p.lower_ in ("in", "across", "throughout", "inside")
        for g in p.children if g.dep_ == "pobj"
    ]
    # one phrase further: "the victims of the floods in Kenya", "militants with bases in Afghanistan"
    cands += [] if owned else [
        g2
        for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "with")
        for g in c.children if g.dep_ == "pobj" and (c.lower_ == "of" or g.lemma_.lower() in BASE_NOUNS or g.lower_ in BASE_NOUNS)
        for p in g.children if p.dep_ == "prep" and p.lower_ in ("in", "from", "across", "throughout")
        for g2 in p.children if g2.dep_ == "pobj"
    ]
    role: Entity | None = None
    for c in cands:
        alt = describe_head(c, covered, day)
        if alt is not None and not alt.code and alt.kind == "agent" and alt.sector and c.dep_ == "appos" and role is None:
            role = alt
        if alt is None or not alt.code or alt.kind == "agent":
            continue
        if ent.sector == "JUD" and head.lemma_.lower() in COURT_NOUNS and c.dep_ == "pobj" and c.text.lower().removeprefix("the ") in COURT_SEATS:
            # codebook §3: international courts are IGO, also when named by their seat city ("an
            # arbitration tribunal in The Hague", "the court in Strasbourg")
            # (IGOs take no sector, codebook §3)
            ent.code, ent.sector, ent.rule = "IGO", None, f"{ent.rule}<seat.{c.text.lower().removeprefix('the ').replace(' ', '_')}"
            return
        ent.code = alt.code
        ent.members = alt.members  # "top diplomats from the Group of Seven" are its members'
        ent.sector = ent.sector or alt.sector
        ent.office = ent.office or alt.office
        ent.identifier_text = ent.identifier_text or alt.identifier_text
        ent.rule = f"{ent.rule}<{alt.rule}" if ent.rule else alt.rule
        return
    if role is not None and ent.kind == "ner" and ent.sector is None:
        # "Ilyas Ali Hassan, a member of the upper house": a person with a role and no country yet
        # (the article's country may give it: Coreference.with_focus)
        ent.sector, ent.office, ent.kind = role.sector, ent.office or role.office, "agent"
        ent.rule = f"{ent.rule}<{role.rule}" if ent.rule else role.rule


OTHER_SIDE = words("other_side_nouns")
NONSTATE_SIDES = {"REB", "OPP", "UAF", "CRM"}  # sectors of sides that fight or oppose their own state
QUANTITY_HEADS = words("quantity_heads")
BASE_NOUNS = words("base_nouns")
REPRESENTATION_NOUNS = words("representation_nouns")
SPEECH_NOUNS = words("speech_nouns")
COURT_NOUNS = words("court_nouns")
COURT_SEATS = words("international_court_seats")


def _through_quantity(head: Token) -> Token:
    """'tens of thousands of students', 'a group of refugees', 'members of the union': the people."""
    for _ in range(3):
        if head.lower_ not in QUANTITY_HEADS and head.pos_ != "NUM":
            break
        of = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        if not of:
            break
        head = of[0]
    return head


def _entities(
    heads: list[Token],
    covered: dict[int, Any],
    coref: Coreference,
    day: dt.date | None,
    trig: Trigger | Token,
    exclude: frozenset[str] = frozenset(),
    role: str = "actor",
    event_noun: Callable[[str], bool] | None = None,
) -> list[Entity]:
    out: list[Entity] = []
    skip = trig.i if isinstance(trig, Token) else trig.token.i
    for head in heads:
        if head.i == skip:
            continue
        head = _through_quantity(head)
        found: list[Entity] = []
        if head.pos_ == "PRON":
            found = coref.pronoun(head)
        elif head.pos_ == "NOUN" and role == "recipient" and event_noun is not None and (event_noun(head.lemma_.lower()) or head.lemma_.lower() in SPEECH_NOUNS) and (
            doers := _doers(head, covered, day)
        ):
            # "raised concerns about the detention of Filipino fishermen by Chinese authorities":
            # what is blamed or asked about is the doer's act; the doer is the party
            found = doers
        else:
            ent = describe_head(head, covered, day)
            described = coref.description(head, ent, exclude)
            if described is not None:
                found = described
            elif ent is not None:
                if ent.code is None and ent.kind == "ner":
                    ent = coref.surname(ent, head) or ent
                owner = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
                if ent.code in NONSTATE_CODES and owner is not None and head.lemma_.lower() in REPRESENTATION_NOUNS:
                    # "Iran's U.N. ambassador ... his U.N. mission": a state's mission to a body is
                    # the state's
                    state = next((e for e in coref.pronoun(owner) if e.code and e.code not in NONSTATE_CODES), None)
                    if state is not None:
                        ent = dataclasses.replace(ent, code=state.code, rule=f"{ent.rule}<coref.owner")
                ethnic = any(c.lower_ == "ethnic" for c in head.children) and ent.kind == "demonym"
                told = ent.rule
                if ent.code is None or ethnic:
                    # "ethnic Albanians in south Serbia" live where the phrase says
                    _inherit_code(ent, head, covered, day)
                if ethnic and ent.rule == told:
                    # "killed three ethnic Albanians in a gunbattle in southeastern Serbia",
                    # "ethnic Albanians demonstrated in Serbia": where their clause places them
                    venue = coref.venue_country(head, states=True)
                    if venue is not None:
                        ent.code, ent.rule = venue, f"{ent.rule}<sentence.venue"
                if ent.code is None and owner is not None and ent.kind == "agent":
                    # "his supporters", "praised Trump and his cabinet": the owner's people (joined
                    # to a party, the pronoun is that party's)
                    joined = next((e for e in out if head.dep_ == "conj" and e.head == head.head.i and e.code), None)
                    state = joined or next((e for e in coref.pronoun(owner) if e.code and e.code not in exclude), None)
                    if state is not None:
                        ent = dataclasses.replace(ent, code=state.code, rule=f"{ent.rule}<coref.owner")
                coref.with_focus(ent, head)
                if ent.code and "<" in (ent.rule or "") and ent.kind in ("ner", "agent"):
                    coref.note(ent)  # "His Highness, Prince Faisal": known from its apposition from now on
                found = split_conjoined(head, ent, covered)
            elif head.pos_ == "NOUN" and head.lemma_.lower() in PERSON_NOUNS and head.lemma_.lower() not in OTHER_SIDE and (
                owner_tok := next((c for c in head.children if c.dep_ == "poss" and c.pos_ in ("PRON", "PROPN")), None)
            ) is not None and (owned := coref.owner(owner_tok)) is not None and owned.code not in exclude:
                # "its members stood ready", "Berisha's opponents accused him", "Lai's son": people
                # of the owner's country or body (not of its side: no sector)
                toks = core_tokens(head, covered)
                found = [Entity(head.doc[toks[0].i : toks[-1].i + 1].text, owned.code, None, None, None, f"owner<{owned.rule}",
                                toks[0].idx, toks[-1].idx + len(toks[-1].text), head.i, "agent", is_plural(head))]
            elif head.pos_ == "NOUN" and role == "recipient":
                # a thing that belongs to an actor: "the computers of South Korean army officers",
                # "air links with Serbia"
                toks = core_tokens(head, covered)
                bare = Entity(head.doc[toks[0].i : toks[-1].i + 1].text, None, None, None, None, "phrase", toks[0].idx,
                              toks[-1].idx + len(toks[-1].text), head.i, "thing")
                # (what a blamed act is aimed at is its victim: "condemned the attack on the Turkish embassy")
                blamed = isinstance(trig, Trigger) and trig.pattern.event == "ACCUSE"
                _inherit_code(bare, head, covered, day, preps=OWNER_PREPS - BLAME_TARGET_PREPS if blamed else OWNER_PREPS)
                if not bare.code:
                    # "support for Ukraine's independence, sovereignty and territorial integrity":
                    # the owner named on the first of the things
                    first = head
                    while first.dep_ == "conj" and first.head.i != first.i:
                        first = first.head
                    owner = next((c for t in (head, first) for c in t.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "PRON")), None) or next(
                        # "the EU migrant-burden sharing plan": a name before the thing owns it
                        (c for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ in ("GPE", "ORG", "NORP") and c.i < head.i), None
                    )
                    # ("refusing to support his tariff plans": whose "his" is)
                    owned = (
                        None if owner is None
                        else next((e for e in coref.pronoun(owner) if e.code not in exclude), None) if owner.pos_ == "PRON"
                        else describe_head(owner, covered, day)
                    )  # (a pronoun of the actor's own side: "signed its accord" is no target)
                    if owned is not None and owned.code:
                        bare.code, bare.rule = owned.code, f"phrase<{owned.rule}"
                if bare.code:
                    found = [bare]
        found = [m for e in found for m in as_members(e)]
        coref.note_group(head.i, found)
        for e in found:
            member = ">member." in (e.rule or "")
            if not any(o.code == e.code and (o.start == e.start or member) for o in out):
                out.append(e)
                if e.resolved is not None and len(found) == 1:
                    coref.note(e)
    return out
