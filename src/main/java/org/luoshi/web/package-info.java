/** Shared web glue: page layout, home page, error handling as problem details. Depends on no other module. */
package org.luoshi.web;
