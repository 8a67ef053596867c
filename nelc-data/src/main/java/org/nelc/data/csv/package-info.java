/** CSV files of numbers, with an optional header and label column, read as datasets. */
package org.nelc.data.csv;
