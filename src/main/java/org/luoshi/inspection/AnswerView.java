package org.luoshi.inspection;

import java.util.List;

/** A checklist item with its answer (if any) and the answer's evidence, as the inspection page shows it. */
record AnswerView(ChecklistItem item, InspectionAnswer answer, List<EvidenceView> evidence) {
}
