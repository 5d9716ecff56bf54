/**
 * What precision, recall and F1 mean, for the instructor's review. Students see the same
 * counts in plain words ("Your labels that match the key", "Key items you found", "Combined
 * score"); the instructor sees the measures by name, with this line beside them.
 */
export function FiguresGlossary() {
  return (
    <p className="figures-glossary">
      <strong>Precision</strong>: how much of what the student labeled matches the key (students see “Your labels that
      match the key”). <strong>Recall</strong>: how much of the key’s core items the student found (“Key items you
      found”). <strong>F1</strong>: the harmonic mean of the two (“Combined score”), high only when both are. Overlaps
      earn partial credit by shared characters.
    </p>
  );
}
