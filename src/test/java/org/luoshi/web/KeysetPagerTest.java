package org.luoshi.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeysetPagerTest {

    @Test
    void theTrailLeadsBackPageByPageToTheFirst() {
        KeysetPager first = new KeysetPager(null, null, "c2");
        assertThat(first.hasPrevious()).isFalse();
        KeysetPager second = new KeysetPager("c2", first.nextBack(), "c3");
        assertThat(second.previousCursor()).isEmpty();
        KeysetPager third = new KeysetPager("c3", second.nextBack(), null);
        assertThat(third.hasNext()).isFalse();
        assertThat(third.previousCursor()).isEqualTo("c2");
        KeysetPager backToSecond = new KeysetPager(third.previousCursor(), third.previousBack(), "c3");
        assertThat(backToSecond.previousCursor()).isEmpty();
        assertThat(backToSecond.nextBack()).isEqualTo(second.nextBack());
    }

    @Test
    void aLinkWithoutTrailGoesBackToTheFirstPageAndALongTrailStaysShort() {
        assertThat(new KeysetPager("c9", null, null).previousCursor()).isEmpty();
        KeysetPager page = new KeysetPager(null, null, "c1");
        for (int i = 1; i < 100; i++) {
            page = new KeysetPager("c" + i, page.nextBack(), "c" + (i + 1));
        }
        assertThat(page.nextBack().split(KeysetPager.SEPARATOR, -1)).hasSize(KeysetPager.MAX_TRAIL);
        assertThat(page.previousCursor()).isEqualTo("c98");
    }
}
