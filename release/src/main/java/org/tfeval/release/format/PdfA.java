package org.tfeval.release.format;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import javax.xml.transform.TransformerException;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * What makes a PDFBox document PDF/A-2b (ISO 19005-2, level B), the archival form archives ask for:
 * every font embedded ({@link #font}), XMP metadata that identifies the part and conformance and
 * repeats the document information, an sRGB output intent for the colours, and a file identifier.
 * The identifier is a hash of the title and time, so the same codebook written at the same time is
 * the same file.
 */
final class PdfA {
    /** PDF/A part written. */
    static final int PART = 2;
    /** PDF/A conformance level written: B, visual appearance. */
    static final String CONFORMANCE = "B";

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final String SRGB = "sRGB IEC61966-2.1";
    private static final String CREATOR = "tfeval-release";
    private static final String PRODUCER = "tfeval-release (Apache PDFBox)";

    private PdfA() {}

    /** Liberation Sans, embedded as a subset of the glyphs used. */
    static PDFont font(PDDocument doc) throws IOException {
        try (InputStream in = PDDocument.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("PDFBox ships no " + FONT + "; the PDF codebook needs it");
            }
            return PDType0Font.load(doc, in, true);
        }
    }

    /** Adds the document information, XMP metadata, output intent and file identifier PDF/A needs. */
    static void conform(PDDocument doc, String title, LocalDateTime created) throws IOException {
        Calendar when = GregorianCalendar.from(created.atZone(ZoneOffset.UTC));
        when.setTimeZone(TimeZone.getTimeZone("UTC"));
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setCreator(CREATOR);
        info.setProducer(PRODUCER);
        info.setCreationDate(when);
        info.setModificationDate(when);

        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
        dc.setTitle(title);
        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        basic.setCreatorTool(CREATOR);
        basic.setCreateDate(when);
        basic.setModifyDate(when);
        AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
        pdf.setProducer(PRODUCER);
        PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
        try {
            id.setPart(PART);
            id.setConformance(CONFORMANCE);
        } catch (BadFieldValueException e) {
            throw new IllegalStateException("PDF/A conformance " + CONFORMANCE + " refused by xmpbox", e);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            new XmpSerializer().serialize(xmp, bytes, true);
        } catch (TransformerException e) {
            throw new IOException("cannot write the XMP metadata", e);
        }
        PDMetadata metadata = new PDMetadata(doc);
        metadata.importXMPMetadata(bytes.toByteArray());
        doc.getDocumentCatalog().setMetadata(metadata);

        PDOutputIntent intent = new PDOutputIntent(
                doc,
                new ByteArrayInputStream(
                        ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
        intent.setInfo(SRGB);
        intent.setOutputCondition(SRGB);
        intent.setOutputConditionIdentifier(SRGB);
        intent.setRegistryName("http://www.color.org");
        doc.getDocumentCatalog().addOutputIntent(intent);

        byte[] digest = sha256((title + "|" + created).getBytes(StandardCharsets.UTF_8));
        COSArray ids = new COSArray();
        ids.add(new COSString(Arrays.copyOf(digest, 16)));
        ids.add(new COSString(Arrays.copyOf(digest, 16)));
        doc.getDocument().getTrailer().setItem(org.apache.pdfbox.cos.COSName.ID, ids);
    }

    private static byte[] sha256(byte[] in) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(in);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256", e);
        }
    }
}
