package org.luoshi.org;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** 任职: a person held a post from a date until a date; the open row is the current holder. */
@Entity
@Table(name = "post_holding")
public class PostHolding {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long postId;
    private Long personId;
    private LocalDate startDate;
    private LocalDate endDate;
    private Instant createdAt;

    protected PostHolding() {
    }

    PostHolding(Long postId, Long personId, LocalDate startDate, Instant now) {
        this.postId = postId;
        this.personId = personId;
        this.startDate = startDate;
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getPostId() {
        return postId;
    }

    public Long getPersonId() {
        return personId;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public boolean isCurrent() {
        return endDate == null;
    }

    void end(LocalDate endDate) {
        this.endDate = endDate;
    }
}
