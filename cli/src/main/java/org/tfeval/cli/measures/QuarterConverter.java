package org.tfeval.cli.measures;

import org.tfeval.measures.FiscalQuarter;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses a federal fiscal quarter option: {@code FY2020Q1}. */
final class QuarterConverter implements ITypeConverter<FiscalQuarter> {
    @Override
    public FiscalQuarter convert(String value) {
        try {
            return FiscalQuarter.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
