package org.luoshi.request;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An Excel file of a request: the county's template (no answer), or a township's filled copy as submitted. */
@Entity
@Table(name = "task_sheet")
class TaskSheet {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long taskId;
    private Long answerId;
    private String fileName;
    private byte[] content;
    private String createdBy;
    private Instant createdAt;

    protected TaskSheet() {
    }

    TaskSheet(long taskId, Long answerId, String fileName, byte[] content, String createdBy, Instant createdAt) {
        this.taskId = taskId;
        this.answerId = answerId;
        this.fileName = fileName;
        this.content = content;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    String fileName() {
        return fileName;
    }

    byte[] content() {
        return content;
    }

    /** A township uploading again (after a return) replaces its file. */
    void replace(String fileName, byte[] content, String by, Instant at) {
        this.fileName = fileName;
        this.content = content;
        this.createdBy = by;
        this.createdAt = at;
    }
}
