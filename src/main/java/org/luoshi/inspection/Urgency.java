package org.luoshi.inspection;

/** How pressing an unfinished rectification is: yellow when its deadline is near, red once it has passed. */
enum Urgency {
    NONE, NEAR, OVERDUE, DONE
}
