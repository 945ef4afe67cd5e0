#!/usr/bin/env python3
"""Generate a reproducible corpus of Waymark guides for benchmarking.

    make_corpus.py --seed 8 --count 1000 --out DIR [--size BYTES] [--prefix guide]

Writes DIR/<prefix>-NNNNN.md and copies Guides/pictures/*.svg into
DIR/pictures/. Guide i depends only on (seed, i), so the first 100 guides of a
1,000-guide corpus are the 100 guides of a 100-guide corpus with the same seed.
Without --size, guides vary in length (one to eight chapters, roughly 1 to 40
KB, most of them 4 to 12 KB, like the guides in Guides/); with --size, each
guide grows chapter by chapter until it is at least BYTES long.

The guides are written to pass `waymark check` with no errors: plain short
words, sentences of at most 15 words, no words in capitals except the declared
abbreviations, glossary terms used in the text, meaningful link text, https
links only, valid UK phone numbers, alt text on every picture. Python standard
library only; the output is byte-for-byte the same for the same arguments.
"""

import argparse
import os
import random
import shutil
import sys
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
PICTURE_SOURCE = os.path.join(REPO, "Guides", "pictures")

# --- Vocabulary: short everyday words ----------------------------------------

PEOPLE = [
    "parent", "carer", "teacher", "friend", "nurse", "doctor", "coach", "youth worker",
    "family member", "school nurse", "neighbour", "grown-up", "older brother", "older sister",
    "aunt", "uncle", "gran", "club leader", "tutor", "head teacher",
]
PLACES = [
    "at home", "at school", "in the park", "on the bus", "at the club", "in town",
    "at the shops", "online", "in a game", "at a party", "at the station", "in class",
    "on your phone", "at the youth club", "at work", "on the way home",
]
FEELINGS = [
    "scared", "sad", "worried", "upset", "alone", "angry", "unsafe", "hurt", "low",
    "nervous", "confused", "tired", "stuck", "left out",
]
GOOD_FEELINGS = ["safe", "calm", "happy", "better", "strong", "listened to", "proud", "sure"]
THINGS = [
    "a message", "a photo", "a secret", "a plan", "a worry", "a question", "a post",
    "a game", "a gift", "a rule", "a choice", "a problem", "a note", "a video", "a story",
]
ACTIONS = [
    "talk to", "tell", "call", "ask", "text", "meet", "write to", "phone", "see", "trust",
]
DOINGS = [
    "say no to them", "ask for help", "take a break", "block the person", "keep a copy",
    "write it down", "tell someone", "stay with a friend", "go somewhere safe",
    "turn off your phone", "take your time", "walk away", "keep your details private",
    "say how you feel", "make a plan", "ask a question",
]
TOPICS = [
    "bullying", "feeling safe", "your body", "your phone", "friends", "school", "home",
    "money", "going out", "your rights", "games", "being online", "keeping well",
    "your family", "moving house", "sleep", "food", "meetings", "your plan", "the police",
    "a new school", "staying over", "your views", "sharing photos", "groups", "dating",
]
TIMES = [
    "today", "now", "soon", "later", "at night", "after school", "at the weekend",
    "any time", "in the morning", "each day", "this week", "next time",
]
TOWNS = [
    "Rugby", "Warwick", "Leamington", "Nuneaton", "Stratford", "Kenilworth", "Atherstone",
    "Bedworth", "Alcester", "Coleshill", "Southam", "Shipston", "Wellesbourne", "Henley",
]
SERVICE_KINDS = [
    "Young People's Service", "Family Support", "Youth Line", "Help Point", "Safe Space",
    "Drop In", "Care Team", "Family Hub", "Teen Talk", "Kids Care",
]
COSTS = [
    "Free.", "Free. The call does not show on the phone bill.", "Free from most phones.",
    "The cost of a local call.",
]
HOURS = [
    "Any time, day or night", "Monday to Friday 9am to 5pm", "Every day 10am to 10pm",
    "Monday to Thursday 8.30am to 5.30pm, Friday 8.30am to 5pm", "Evenings and weekends",
    "School days 8am to 4pm", "Weekdays 2pm to 8pm",
]

# Hard words, each explained in the glossary whenever a guide uses it.
GLOSSARY = {
    "advocate": "Someone who helps you say what you think and makes sure you are listened to.",
    "confidential": "Kept private, so only the people who need to know are told.",
    "counsellor": "Someone trained to listen to you and help you with your worries.",
    "social worker": "Someone whose job is to help keep children safe and support their families.",
    "trusted adult": "A grown-up you know and feel safe with, who will listen and help.",
    "cyberbullying": "Bullying that happens on phones, tablets, computers or games.",
    "grooming": "When someone makes friends with a young person to trick them and hurt them.",
    "consent": "Saying yes to something, freely, when you know what it means.",
    "conference": "A meeting where people who know you talk about how to keep you safe.",
    "chairperson": "The person in charge of a meeting, who makes sure it is fair.",
    "support worker": "Someone whose job is to help you and your family with problems.",
    "screenshot": "A picture of what is on your screen, saved on your phone or computer.",
    "helpline": "A phone number you can call to talk to someone about a worry.",
    "foster carer": "Someone who looks after a child in their own home for a while.",
    "respite": "A short break, so that a family can rest.",
    "mentor": "An older person who meets you often and helps you reach your goals.",
    "exploitation": "When someone uses you to get something for themselves.",
    "privacy settings": "Choices on an app that decide who can see what you share.",
    "care plan": "A written plan that says how people will look after you.",
    "review": "A meeting later on to check how a plan is going.",
    "witness": "Someone who saw or heard something happen.",
    "statement": "What you tell the police, written down.",
    "youth court": "A court for young people under the age of 18.",
    "self-harm": "When someone hurts their own body on purpose to cope with a feeling.",
}

ABBREVIATIONS = {
    "NSPCC": "National Society for the Prevention of Cruelty to Children",
    "CAMHS": "Child and Adolescent Mental Health Services",
    "GP": "general practitioner, your family doctor",
    "NHS": "National Health Service",
    "SENCO": "special educational needs coordinator",
    "PCSO": "police community support officer",
    "CSE": "child sexual exploitation",
    "SEND": "special educational needs and disabilities",
    "LADO": "local authority designated officer",
    "EHCP": "education, health and care plan",
}
ABBREVIATION_USES = {
    "NSPCC": "the NSPCC", "CAMHS": "CAMHS", "GP": "your GP", "NHS": "the NHS",
    "SENCO": "the SENCO at your school", "PCSO": "a PCSO", "CSE": "CSE",
    "SEND": "the SEND team", "LADO": "the LADO", "EHCP": "your EHCP",
}

PICTURES = {
    "advocate.svg": "An adult speaking up beside a young person",
    "computer.svg": "A laptop computer",
    "friend.svg": "Two friends standing together",
    "heart.svg": "A heart",
    "help.svg": "A ring that helps keep someone afloat",
    "listen.svg": "An ear listening",
    "meeting.svg": "People sitting round a table",
    "phone.svg": "A mobile phone",
    "plan.svg": "A clipboard with a list of ticks",
    "police.svg": "A police car with a light on top",
    "private.svg": "A closed padlock",
    "question.svg": "A question mark",
    "safe.svg": "A shield with a tick",
    "school.svg": "A school building with a flag",
    "stop.svg": "A stop sign",
    "talk.svg": "A person talking",
    "worried.svg": "A worried face",
    "write.svg": "A pencil writing on lines",
}

MAX_WORDS = 15


def cap(text):
    return text[0].upper() + text[1:]


def a(noun):
    """The noun with 'a' or 'an' before it."""
    return ("an " if noun[0] in "aeiou" else "a ") + noun


class Guide:
    """Builds one guide from its own random generator."""

    def __init__(self, rng, slug, size=None):
        self.rng = rng
        self.slug = slug
        self.size = size
        r = rng
        self.glossary = sorted(r.sample(sorted(GLOSSARY), r.randint(3, 8)))
        self.abbreviations = sorted(r.sample(sorted(ABBREVIATIONS), r.randint(1, 3)))
        self.pending_terms = list(self.glossary)  # terms not used yet
        self.pending_abbreviations = list(self.abbreviations)
        self.topic = r.choice(TOPICS)
        self.headings = set()
        self.contact_count = 0

    # --- Sentences ---------------------------------------------------------

    def person(self):
        return self.rng.choice(PEOPLE)

    def plain_sentence(self):
        r = self.rng
        templates = [
            lambda: f"you can {r.choice(ACTIONS)} {a(self.person())} {r.choice(TIMES)}.",
            lambda: f"if you feel {r.choice(FEELINGS)}, {r.choice(ACTIONS)} {a(self.person())}.",
            lambda: f"it is not your fault if you feel {r.choice(FEELINGS)}.",
            lambda: f"you might get {r.choice(THINGS)} {r.choice(PLACES)} that makes you feel {r.choice(FEELINGS)}.",
            lambda: f"it is fine to {r.choice(DOINGS)}.",
            lambda: f"{a(self.person())} can help you {r.choice(DOINGS)}.",
            lambda: f"you do not have to {r.choice(DOINGS)} on your own.",
            lambda: f"some young people feel {r.choice(FEELINGS)} about {r.choice(TOPICS)}.",
            lambda: f"try to {r.choice(DOINGS)} if something feels wrong {r.choice(PLACES)}.",
            lambda: f"you have the right to feel {r.choice(GOOD_FEELINGS)} {r.choice(PLACES)}.",
            lambda: f"talking about {r.choice(TOPICS)} can help you feel {r.choice(GOOD_FEELINGS)}.",
            lambda: f"nobody should make you keep {r.choice(THINGS)} that makes you feel {r.choice(FEELINGS)}.",
            lambda: f"your {self.person()} will listen and will not judge you.",
            lambda: f"you can {r.choice(DOINGS)} and then {r.choice(ACTIONS)} {a(self.person())}.",
            lambda: f"it can take time to feel {r.choice(GOOD_FEELINGS)} again.",
            lambda: f"if you are not sure, it is fine to {r.choice(DOINGS)}.",
            lambda: f"many people worry about {r.choice(TOPICS)} {r.choice(TIMES)}.",
            lambda: f"you can call Childline on 0800 1111 {r.choice(TIMES)}.",
            lambda: f"you could {r.choice(DOINGS)} or {r.choice(DOINGS)}.",
            lambda: f"tell {a(self.person())} if someone asks you for {r.choice(THINGS)}.",
        ]
        return r.choice(templates)()

    def term_sentence(self, term):
        r = self.rng
        templates = [
            f"{a(term)} can help you {r.choice(DOINGS)}.",
            f"you can ask about {term} {r.choice(TIMES)}.",
            f"your {self.person()} can tell you more about {term}.",
            f"some people find {term} hard to talk about.",
            f"there is more about {term} in this guide.",
        ]
        if term == "confidential":
            return r.choice(["what you say to them is confidential.", "most of what you say will be kept confidential."])
        if term.endswith("s") or term in ("consent", "grooming", "cyberbullying", "exploitation", "respite", "self-harm"):
            templates = templates[1:]
        return r.choice(templates)

    def abbreviation_sentence(self, abbreviation):
        r = self.rng
        use = ABBREVIATION_USES[abbreviation]
        templates = [
            f"you can also {r.choice(ACTIONS)} {use}.",
            f"{use} can help with {r.choice(TOPICS)}.",
            f"ask your {self.person()} about {use}.",
        ]
        return r.choice(templates)

    def sentence(self):
        """A sentence, now and then using a glossary term or abbreviation not yet used."""
        r = self.rng
        roll = r.random()
        if self.pending_terms and roll < 0.15:
            text = self.term_sentence(self.pending_terms.pop(0))
        elif self.pending_abbreviations and roll < 0.22:
            text = self.abbreviation_sentence(self.pending_abbreviations.pop(0))
        elif roll < 0.28:
            text = self.term_sentence(r.choice(self.glossary))
        else:
            text = self.plain_sentence()
        assert len(text.split()) <= MAX_WORDS, text
        return cap(text)

    def easy_sentence(self):
        r = self.rng
        templates = [
            lambda: f"you can {r.choice(ACTIONS)} {a(self.person())}.",
            lambda: f"it is not your fault.",
            lambda: f"you can {r.choice(DOINGS)}.",
            lambda: f"{a(self.person())} can help you.",
            lambda: f"you have the right to feel {r.choice(GOOD_FEELINGS)}.",
            lambda: f"you might feel {r.choice(FEELINGS)}. That is fine.",
            lambda: f"tell someone if you feel {r.choice(FEELINGS)}.",
            lambda: f"you can call Childline on 0800 1111.",
            lambda: f"it is fine to {r.choice(DOINGS)}.",
        ]
        return cap(r.choice(templates)())

    # --- Blocks ------------------------------------------------------------

    def paragraph(self, sentences=None):
        r = self.rng
        count = sentences or r.choice([1, 2, 2, 3, 3, 3, 4, 5])
        text = " ".join(self.sentence() for _ in range(count))
        if r.random() < 0.08:
            words = text.split(" ")
            i = r.randrange(len(words))
            if words[i].isalpha() and len(words[i]) > 3:
                words[i] = f"**{words[i]}**"
                text = " ".join(words)
        return wrap(text)

    def bullet_list(self):
        r = self.rng
        numbered = r.random() < 0.25
        items = []
        for n in range(r.randint(3, 6)):
            if r.random() < 0.5:
                item = cap(r.choice(DOINGS)) + "."
            else:
                item = self.sentence()
            items.append(f"{n + 1}. {item}" if numbered else f"- {item}")
        return "\n".join(items)

    def table(self):
        r = self.rng
        rows = ["| Who | How they can help |", "|---|---|"]
        for person in r.sample(PEOPLE, r.randint(3, 6)):
            rows.append(f"| {cap(person)} | {cap(r.choice(ACTIONS))} them {r.choice(TIMES)}. They can help you {r.choice(DOINGS)}. |")
        return "\n".join(rows)

    def picture(self, caption=False):
        r = self.rng
        name = r.choice(sorted(PICTURES))
        alt = PICTURES[name]
        if caption:
            return f'![{alt}](pictures/{name} "{self.sentence()}")'
        return f"![{alt}](pictures/{name})"

    def link(self):
        r = self.rng
        town = r.choice(TOWNS)
        topic = r.choice(TOPICS)
        path = topic.replace(" ", "-")
        return wrap(f"You can read more on the [{town} page about {topic}](https://www.{town.lower()}-help.org.uk/{path}).")

    def phone_number(self):
        r = self.rng
        kind = r.random()
        if kind < 0.3:
            return f"0800 {r.randint(1000, 9999)}"
        if kind < 0.5:
            return f"0808 800 {r.randint(1000, 9999)}"
        if kind < 0.8:
            return f"01926 {r.randint(100000, 999999)}"
        return f"0300 {r.randint(100, 999)} {r.randint(1000, 9999)}"

    def contact(self):
        r = self.rng
        self.contact_count += 1
        town = r.choice(TOWNS)
        name = f"{town} {r.choice(SERVICE_KINDS)}"
        domain = f"www.{town.lower()}-{r.choice(['help', 'care', 'support', 'youth'])}.org.uk"
        lines = [":::contact", f"name: {name}"]
        if r.random() < 0.2:
            lines.append("phone:")
            lines.append(f"  - number: {self.phone_number()}")
            lines.append(f"    hours: {r.choice(HOURS)}")
            lines.append(f"  - number: {self.phone_number()}")
            lines.append("    hours: Evenings and weekends")
        else:
            lines.append(f"phone: {self.phone_number()}")
            lines.append(f"hours: {r.choice(HOURS)}")
        if r.random() < 0.3:
            lines.append(f"text: {r.randint(60000, 89999)}")
        if r.random() < 0.4:
            lines.append(f"email: help@{domain[4:]}")
        if r.random() < 0.5:
            lines.append(f"cost: {r.choice(COSTS)}")
        lines.append(f"website: https://{domain}")
        if r.random() < 0.3:
            lines.append(f"chat: https://{domain}/chat")
        lines.append(f"about: {cap(r.choice(ACTIONS))} someone about {r.choice(TOPICS)} or anything that worries you.")
        lines.append(":::")
        return "\n".join(lines)

    def urgent(self):
        r = self.rng
        return ":::urgent\n" + r.choice([
            "If you are in danger now, call 999.",
            "If someone has hurt you or you are in danger now, call 999.",
            "If you are not safe right now, call 999. If it is not an emergency, call 101.",
        ]) + "\n:::"

    def note(self):
        return ":::note\n" + self.paragraph(self.rng.randint(1, 3)) + "\n:::"

    def write(self):
        r = self.rng
        prompt = r.choice([
            "People I can talk to", "Things that make me feel safe", "Questions I want to ask",
            "What I want people to know", "Places where I feel safe", "My plan for next time",
        ])
        return f":::write lines={r.randint(3, 8)}\n{prompt} about {r.choice(TOPICS)}\n:::"

    def easy_read(self):
        r = self.rng
        rows = []
        for _ in range(r.randint(3, 6)):
            text = self.easy_sentence()
            if r.random() < 0.3 and ". " not in text:
                second = self.easy_sentence()
                if ". " not in second:
                    text += " " + second
            rows.append(self.picture() + "\n" + text)
        return ":::easy-read\n" + "\n\n".join(rows) + "\n:::"

    def heading(self, level, kind):
        r = self.rng
        for attempt in range(40):
            if kind == "chapter":
                text = r.choice([
                    f"{cap(r.choice(TOPICS))}",
                    f"Feeling {r.choice(FEELINGS)}",
                    f"Staying safe {r.choice(PLACES)}",
                    f"Getting help with {r.choice(TOPICS)}",
                    f"Who can help with {r.choice(TOPICS)}?",
                ])
            else:
                text = r.choice([
                    f"What can I do if I feel {r.choice(FEELINGS)}?",
                    f"Who can I talk to about {r.choice(TOPICS)}?",
                    f"What happens {r.choice(PLACES)}?",
                    f"Can I {r.choice(DOINGS)}?",
                    f"What if someone sends me {r.choice(THINGS)}?",
                    f"How can {a(self.person())} help?",
                    f"Why do I feel {r.choice(FEELINGS)}?",
                ])
            if attempt > 20:
                text = text.rstrip("?") + f" {r.choice(TIMES)}" + ("?" if text.endswith("?") else "")
            if text not in self.headings:
                self.headings.add(text)
                return "#" * level + " " + text
        return "#" * level + " " + text

    def chapter(self, first):
        r = self.rng
        blocks = [self.heading(1, "chapter")]
        blocks.append(self.paragraph())
        if r.random() < 0.85:
            blocks.append(self.easy_read())
        for s in range(r.choice([1, 2, 2, 3, 3, 4, 5])):
            blocks.append(self.heading(2, "section"))
            if first and s == 0 and r.random() < 0.5:
                blocks.append(self.urgent())
            for _ in range(r.choice([1, 2, 2, 3, 4])):
                blocks.append(self.paragraph())
            roll = r.random()
            if roll < 0.35:
                blocks.append(self.bullet_list())
            elif roll < 0.45:
                blocks.append(self.table())
            elif roll < 0.55:
                blocks.append(self.picture(caption=True))
            roll = r.random()
            if roll < 0.2:
                blocks.append(self.contact())
            elif roll < 0.3:
                blocks.append(self.note())
            elif roll < 0.4:
                blocks.append(self.write())
            elif roll < 0.5:
                blocks.append(self.link())
            if r.random() < 0.15:
                blocks.append(self.urgent())
        return blocks

    def body(self):
        r = self.rng
        blocks = []
        if self.size:
            while sum(len(b) + 2 for b in blocks) < self.size:
                blocks += self.chapter(first=not blocks)
        else:
            chapters = r.choice([1, 2, 2, 3, 3, 3, 3, 4, 4, 5, 6, 8])
            for c in range(chapters):
                blocks += self.chapter(first=c == 0)
        # Use every glossary term and abbreviation at least once, and give
        # every guide at least one contact.
        tail = []
        for term in self.pending_terms:
            tail.append(cap(self.term_sentence(term)))
        for abbreviation in self.pending_abbreviations:
            tail.append(cap(self.abbreviation_sentence(abbreviation)))
        if tail or self.contact_count == 0:
            blocks.append(self.heading(2, "section"))
            for start in range(0, len(tail), 3):
                blocks.append(wrap(" ".join(tail[start:start + 3])))
            if self.contact_count == 0:
                blocks.append(self.contact())
        return "\n\n".join(blocks) + "\n"

    def front_matter(self):
        r = self.rng
        title = cap(self.topic) + r.choice(["", " and you", ": a guide", " and staying safe"])
        lines = [
            "---",
            f'title: "{title}"',
            f"subtitle: A guide for young people in {r.choice(TOWNS)}",
            "language: en-GB",
            "audience: Children and young people aged 11 to 17",
            "reading-age: 10",
            "publisher: Waymark Benchmark Safeguarding",
            f"published: 2026-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}",
            "review-by: 2036-01-01",
            f'version: "1.{r.randint(0, 9)}"',
            "summary: >",
            f"  What to do about {self.topic}, who can help, and how to keep safe.",
            "  It tells you where to get help.",
            f"keywords: [{self.topic}, help, young people]",
            "glossary:",
        ]
        lines += [f"  {term}: {GLOSSARY[term]}" for term in self.glossary]
        lines.append("abbreviations:")
        lines += [f"  {a}: {ABBREVIATIONS[a]}" for a in self.abbreviations]
        lines.append("---")
        return "\n".join(lines) + "\n\n"

    def text(self):
        front = self.front_matter()
        return front + self.body()


def wrap(text, width=76):
    """Wrap a paragraph like a person would, never starting a line with something Markdown reads as a marker."""
    while True:
        lines = textwrap.wrap(text, width=width, break_on_hyphens=False, break_long_words=False)
        if all(line[0].isalpha() or line[0] in "*[" for line in lines[1:]):
            return "\n".join(lines)
        width -= 1


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--out", required=True)
    parser.add_argument("--size", type=int, default=None, help="make each guide at least this many bytes")
    parser.add_argument("--prefix", default="guide", help="file name prefix (default: guide)")
    args = parser.parse_args()

    os.makedirs(args.out, exist_ok=True)
    pictures = os.path.join(args.out, "pictures")
    os.makedirs(pictures, exist_ok=True)
    for name in sorted(PICTURES):
        shutil.copyfile(os.path.join(PICTURE_SOURCE, name), os.path.join(pictures, name))
    total = 0
    for i in range(args.count):
        slug = f"{args.prefix}-{i + 1:05d}"
        rng = random.Random(f"waymark-bench:{args.seed}:{i}:{args.size or 0}")
        text = Guide(rng, slug, args.size).text()
        with open(os.path.join(args.out, slug + ".md"), "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        total += len(text.encode("utf-8"))
    print(f"{args.count} guides, {total} bytes, seed {args.seed} -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
