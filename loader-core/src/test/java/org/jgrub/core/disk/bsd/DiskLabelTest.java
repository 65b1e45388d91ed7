package org.jgrub.core.disk.bsd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Sizes and offsets of the disklabel structures against FreeBSD's sys/sys/disklabel.h. */
class DiskLabelTest {
    @Test
    void sizes() {
        assertEquals(16, DiskLabelPartition.SIZE);
        assertEquals(148, DiskLabel.SIZE);
        // the LOCORE offsets in disklabel.h: d_end_ = 276 with the historic MAXPARTITIONS of 8
        assertEquals(276, DiskLabel.labelSize(DiskLabel.MAXPARTITIONS_HISTORIC));
        // 22 entries are the most that fit in a 512-byte label sector
        assertEquals(500, DiskLabel.labelSize(22));
    }

    @Test
    void parsesFieldsAndChecksum() {
        byte[] s = new DiskLabelWriter().secPerUnit(16384)
                .part(4096, 16, 7).part(2048, 4112, 1).part(16384, 0, 0).build();
        DiskLabel l = DiskLabel.parse(s);
        assertEquals(DiskLabel.DISKMAGIC, l.magic());
        assertEquals(DiskLabel.DISKMAGIC, l.magic2());
        assertEquals(512, l.sectorSize());
        assertEquals(16384, l.sectorsPerUnit());
        assertEquals(3, l.partitionCount());
        assertEquals(8192, l.bootAreaSize());
        assertEquals(0, DiskLabel.checksum(s, 3));
        assertEquals(new DiskLabelPartition(2048, 4112, 0, 1, 0, 0), DiskLabelPartition.parse(s, DiskLabel.labelSize(1)));
        assertEquals(new DiskLabelPartition(4096, 16, 4096, 7, 8, 0), DiskLabelPartition.parse(s, DiskLabel.SIZE));
    }
}
