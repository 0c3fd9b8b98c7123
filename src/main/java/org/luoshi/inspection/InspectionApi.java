package org.luoshi.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Response records of the inspection API; entities never leave the module. */
final class InspectionApi {

    private InspectionApi() {
    }

    record ChecklistSummary(long id, long ownerUnitId, String title, String directiveRef, Instant createdAt) {
        static ChecklistSummary of(Checklist c) {
            return new ChecklistSummary(c.getId(), c.getOwnerUnitId(), c.getTitle(), c.getDirectiveRef(), c.getCreatedAt());
        }
    }

    record ItemResponse(long id, String itemNo, String title, String guidance, String expectedEvidence,
            FindingCategory category, String indicatorCode, long version) {
        static ItemResponse of(ChecklistItem i) {
            return new ItemResponse(i.getId(), i.getItemNo(), i.getTitle(), i.getGuidance(), i.getExpectedEvidence(),
                    i.getCategory(), i.getIndicatorCode(), i.getVersion());
        }
    }

    record ChecklistResponse(long id, long ownerUnitId, String title, String directiveRef, String description,
            List<ItemResponse> items, long version) {
    }

    record InspectionSummary(long id, InspectionKind kind, long checklistId, long unitId, LocalDate heldOn, String team,
            Set<Long> visitedUnitIds, String status, String summary) {
        static InspectionSummary of(Inspection i) {
            return new InspectionSummary(i.getId(), i.getKind(), i.getChecklistId(), i.getUnitId(), i.getHeldOn(),
                    i.getTeam(), i.getVisitedUnitIds(), i.getStatus().name(), i.getSummary());
        }
    }

    /** @param proposed the answer was proposed from the assessment and is not confirmed yet */
    record AnswerResponse(long itemId, String itemNo, String title, String indicatorCode, AnswerResult result,
            String statement, boolean proposed, List<EvidenceResponse> evidence) {
        static AnswerResponse of(AnswerView v) {
            return new AnswerResponse(v.item().getId(), v.item().getItemNo(), v.item().getTitle(),
                    v.item().getIndicatorCode(), v.answer() == null ? null : v.answer().getResult(),
                    v.answer() == null ? null : v.answer().getStatement(), v.answer() != null && v.answer().isProposed(),
                    v.evidence().stream().map(EvidenceResponse::of).toList());
        }
    }

    record InspectionResponse(InspectionSummary inspection, List<AnswerResponse> answers, List<FindingResponse> findings) {
    }

    record EvidenceResponse(long id, Long attachmentId, String fileName, String sha256, Long ledgerRecordId) {
        static EvidenceResponse of(EvidenceView e) {
            return new EvidenceResponse(e.id(), e.attachment() == null ? null : e.attachment().getId(),
                    e.attachment() == null ? null : e.attachment().getFileName(),
                    e.attachment() == null ? null : e.attachment().getSha256(), e.ledgerRecordId());
        }
    }

    record FindingResponse(long id, FindingSource source, FindingCategory category, long unitId, String unitName,
            long raisedByUnitId, String title, String detail, Long inspectionId, Long itemId, String reference,
            Long referencedFindingId, long ownerPostId, String ownerTitle, String ownerHolder, LocalDate deadline,
            String measures, RectificationState state, Urgency urgency, boolean locked, String submittedBy,
            String recheckedBy, Instant raisedAt, String originKey, long version) {
        static FindingResponse of(FindingRow r) {
            Finding f = r.finding();
            return new FindingResponse(f.getId(), f.getSource(), f.getCategory(), f.getUnitId(), r.unitName(),
                    f.getRaisedByUnitId(), f.getTitle(), f.getDetail(), f.getInspectionId(), f.getItemId(),
                    f.getReference(), f.getReferencedFindingId(), f.getOwnerPostId(), r.ownerTitle(), r.holderName(),
                    f.getDeadline(), f.getMeasures(), f.getState(), r.urgency(), f.isLocked(), f.getSubmittedBy(),
                    f.getRecheckedBy(), f.getRaisedAt(), f.getOriginKey(), f.getVersion());
        }
    }

    record EventResponse(RectificationEvent.Action action, RectificationState fromState, RectificationState toState,
            String note, String actor, Instant occurredAt) {
        static EventResponse of(RectificationEvent e) {
            return new EventResponse(e.getAction(), e.getFromState(), e.getToState(), e.getNote(), e.getActor(),
                    e.getOccurredAt());
        }
    }

    record FindingDetail(FindingResponse finding, List<EvidenceResponse> evidence, List<EventResponse> timeline) {
    }

    record PageResponse<T>(List<T> content, int page, int size, long totalElements, int totalPages) {
    }

    /** A keyset page: {@code next} is the cursor to pass as {@code after} for the following page, null on the last. */
    record KeysetResponse<T>(List<T> content, int size, String next) {
    }

    record ImportProblem(List<String> errors) {
    }
}
