package org.luoshi.assessment;

import java.util.Optional;
import java.util.Set;
import org.luoshi.ledger.LedgerKind;

/**
 * Which indicators measure volume rather than a duty, by 《整治形式主义为基层减负若干规定》 (2024):
 * 不把是否开会发文、拍照留痕、制作学习笔记等作为评判工作优劣的标准；不得将点赞量、网络投票数、转发量、
 * 学习时长等作为考评依据. Such figures stay recorded, charted and reported; by default they are
 * informational. A county may still score one, but then states why ({@link IndicatorDefinition#volumeReason}).
 *
 * <p>The line drawn here: a duty is a thing the responsibility system requires on a schedule (a
 * special study twice a year, a 研判 each half, 中心组 each month, a venue check each quarter), so
 * a count narrowed to that duty and scored up to its minimum is not volume. Volume is everything whose
 * points grow with quantity: articles placed, new-media posts, publicity items, documents conveyed,
 * any sum of quantities (articles, hours, participants), a count of meetings or sessions of any kind,
 * and any count scored in steps (more is more points).
 */
final class Volume {

    /** What a volume indicator counts, named in the warning: a message key suffix. */
    enum What {
        PLACEMENTS, POSTS, MATERIALS, DOCUMENTS, QUANTITIES, RECORDS, STEPPED_COUNT
    }

    private static final Set<LedgerKind> DUTY_KINDS = Set.of(LedgerKind.VENUE_CHECK, LedgerKind.OUTREACH,
            LedgerKind.OPINION_CASE, LedgerKind.REGULATION);

    private Volume() {
    }

    static Optional<What> of(IndicatorDefinition d) {
        Rule rule = d.rule();
        if (d.manual() || rule == null || rule.aggregation() == null || rule.kind() == null) {
            return Optional.empty();
        }
        if (rule.aggregation() != Aggregation.COUNT && rule.aggregation() != Aggregation.SUM) {
            // rates and coverage measure duties done (on time, every village), not quantity
            return Optional.empty();
        }
        switch (rule.kind()) {
            case MEDIA_PLACEMENT:
                return Optional.of(What.PLACEMENTS);
            case NEW_MEDIA_OUTPUT:
                return Optional.of(What.POSTS);
            case PUBLICITY_MATERIAL:
                return Optional.of(What.MATERIALS);
            case DIRECTIVE:
                return Optional.of(What.DOCUMENTS);
            default:
                break;
        }
        if (rule.aggregation() == Aggregation.SUM) {
            return Optional.of(What.QUANTITIES);
        }
        if (d.scoring() == ScoringMode.STEPPED) {
            return Optional.of(What.STEPPED_COUNT);
        }
        if (DUTY_KINDS.contains(rule.kind()) || rule.filters().stream().anyMatch(f -> f.type() == RecordFilter.Type.SUB_KIND)) {
            return Optional.empty();
        }
        return Optional.of(What.RECORDS);
    }
}
