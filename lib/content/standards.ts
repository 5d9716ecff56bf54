/**
 * The standards the unit's lessons serve, with each standard's own wording, which
 * docs/fact-check.md lists with where to check it (a test keeps the two the same).
 * Lesson numbers are the lessons' `order`.
 */
export type Standard = { framework: string; code: string; wording: string; lessons: number[]; how: string };

export const STANDARDS: readonly Standard[] = [
  {
    framework: 'Common Core, Reading: Informational Text',
    code: 'RI.9-10.4',
    wording:
      'Determine the meaning of words and phrases as they are used in a text, including figurative, connotative, and technical meanings; analyze the cumulative impact of specific word choices on meaning and tone (e.g., how the language of a court opinion differs from that of a newspaper).',
    lessons: [2, 6],
    how: 'Students label loaded language, name a neutral wording of the same fact, and tell the outlet’s own words from a quoted speaker’s.',
  },
  {
    framework: 'Common Core, Reading: Informational Text',
    code: 'RI.9-10.6',
    wording:
      'Determine an author’s point of view or purpose in a text and analyze how an author uses rhetoric to advance that point of view or purpose.',
    lessons: [2, 4, 6],
    how: 'Students trace how word choice, verbs of saying and the choice of sources lean a report, on every side of the dispute.',
  },
  {
    framework: 'Common Core, Reading: Informational Text',
    code: 'RI.9-10.8',
    wording:
      'Delineate and evaluate the argument and specific claims in a text, assessing whether the reasoning is valid and the evidence is relevant and sufficient; identify false statements and fallacious reasoning.',
    lessons: [3, 5, 6],
    how: 'Students label claims a reader cannot check, say what each rests on, and plan how to check one.',
  },
  {
    framework: 'Common Core, Literacy in History/Social Studies',
    code: 'RH.9-10.6',
    wording:
      'Compare the point of view of two or more authors for how they treat the same or similar topics, including which details they include and emphasize in their respective accounts.',
    lessons: [4, 5, 6],
    how: 'Students compare two outlets’ versions of one letter, reports of one speech with its full text, and two texts sourcing the same accusations.',
  },
  {
    framework: 'C3 Framework for Social Studies, Dimension 3',
    code: 'D3.1.9-12',
    wording:
      'Gather relevant information from multiple sources representing a wide range of views while using the origin, authority, structure, context, and corroborative value of the sources to guide the selection.',
    lessons: [1, 3, 5],
    how: 'Students label who says so, tell named from anonymous and vague sources, and read laterally about an outlet before trusting it.',
  },
];
