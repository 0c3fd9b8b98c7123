package org.luoshi.assessment;

import java.math.BigDecimal;

/** The weights and the points of one category (组织领导, 理论学习 ...). */
record CategoryTotal(String category, BigDecimal weight, BigDecimal score) {
}
