using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trinn.Core.Candidates;
using Trinn.Core.Common;

namespace Trinn.Core.CaseReviews;

/// <summary>Why a case is reviewed: most often a discharge without work or a lost job ("mislykkede" case).</summary>
public enum CaseReviewReason
{
    DischargedWithoutWork = 1,
    LostJob = 2,
    Stuck = 3,
    Success = 4,
    Other = 5,
}

/// <summary>
/// A case review (casegjennomgang) for the team's learning: "Hvordan kan vi bruke våre «mislykkede» case for felles
/// læring". The metodeveileder schedules it; the team records what happened, what worked, what did not and what it
/// will do differently, with tags for the lessons so they can be found again. Only the team sees it.
/// </summary>
public class CaseReview : IVersioned
{
    public const int TextMaxLength = 4000;
    public const int TagMaxLength = 40;
    public const int MaxTags = 10;

    public int Id { get; set; }

    public int TeamId { get; private set; }

    public int CandidateId { get; private set; }

    public Candidate? Candidate { get; set; }

    public CaseReviewReason Reason { get; private set; }

    public DateOnly ScheduledFor { get; private set; }

    public required string ScheduledById { get; init; }

    public DateTime ScheduledAtUtc { get; init; }

    public DateOnly? HeldOn { get; private set; }

    public string? RecordedById { get; private set; }

    public string? WhatHappened { get; private set; }

    public string? WhatWorked { get; private set; }

    public string? WhatDidNotWork { get; private set; }

    public string? DoDifferently { get; private set; }

    /// <summary>The four texts in lower case, for search on both databases (SQLite's lower() knows only ASCII).</summary>
    public string? SearchText { get; private set; }

    public long Version { get; set; }

    public List<CaseReviewTag> Tags { get; } = [];

    public bool IsHeld => HeldOn is not null;

    /// <summary>Schedules a review of one of the team's candidates (the caller checks the candidate is in <paramref name="teamId"/>).</summary>
    public static CaseReview Schedule(int teamId, int candidateId, CaseReviewReason? reason, DateOnly? date, string byUserId, DateTime nowUtc)
    {
        if (reason is not { } r || !Enum.IsDefined(r))
        {
            throw new DomainException(nameof(Reason), "Error_Required");
        }

        if (date is not { } d)
        {
            throw new DomainException(nameof(ScheduledFor), "Error_Required");
        }

        return new CaseReview
        {
            TeamId = teamId,
            CandidateId = candidateId,
            Reason = r,
            ScheduledFor = d,
            ScheduledById = byUserId,
            ScheduledAtUtc = nowUtc,
        };
    }

    /// <summary>
    /// Records (or corrects) what the team found. The date it was held is not in the future; at least one of the four
    /// texts is filled in; tags are split on commas, trimmed, lower-cased and kept once each.
    /// </summary>
    public void Record(DateOnly? heldOn, string? whatHappened, string? whatWorked, string? whatDidNotWork, string? doDifferently, string? tags, string byUserId, DateOnly today)
    {
        if (heldOn is not { } held)
        {
            throw new DomainException(nameof(HeldOn), "Error_Required");
        }

        if (held > today)
        {
            throw new DomainException(nameof(HeldOn), "Error_DateInFuture");
        }

        var texts = new[]
        {
            Text(whatHappened, nameof(WhatHappened)), Text(whatWorked, nameof(WhatWorked)),
            Text(whatDidNotWork, nameof(WhatDidNotWork)), Text(doDifferently, nameof(DoDifferently)),
        };
        if (texts.All(t => t is null))
        {
            throw new DomainException(nameof(WhatHappened), "Error_ReviewEmpty");
        }

        var parsed = ParseTags(tags);
        HeldOn = held;
        RecordedById = byUserId;
        (WhatHappened, WhatWorked, WhatDidNotWork, DoDifferently) = (texts[0], texts[1], texts[2], texts[3]);
        SearchText = string.Join("\n", texts.Where(t => t is not null).Append(string.Join(' ', parsed))).ToLower(CultureInfo.InvariantCulture);
        Tags.RemoveAll(t => !parsed.Contains(t.Tag));
        foreach (var tag in parsed.Where(p => Tags.All(t => t.Tag != p)))
        {
            Tags.Add(new CaseReviewTag { Tag = tag });
        }
    }

    /// <summary>"Arbeidsgiver, oppfølging , arbeidsgiver" → ["arbeidsgiver", "oppfølging"].</summary>
    public static IReadOnlyList<string> ParseTags(string? tags)
    {
        var parsed = (tags ?? "")
            .Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(NormaliseTag)
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (parsed.Count > MaxTags)
        {
            throw new DomainException(nameof(Tags), "Error_TooManyTags");
        }

        if (parsed.Any(t => t.Length > TagMaxLength))
        {
            throw new DomainException(nameof(Tags), "Error_TagTooLong");
        }

        return parsed;
    }

    public static string NormaliseTag(string tag) => string.Join(' ', (tag ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLower(CultureInfo.InvariantCulture);

    /// <summary>"Kari Nordmann" → "K.N.": the list shows the candidate by initials only.</summary>
    public static string Initials(string first, string last) =>
        (first.Length > 0 ? char.ToUpperInvariant(first[0]) + "." : "") + (last.Length > 0 ? char.ToUpperInvariant(last[0]) + "." : "");

    private static string? Text(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (text.Length > TextMaxLength)
        {
            throw new DomainException(field, "Error_TooLong");
        }

        return text.Trim();
    }
}

public class CaseReviewTag
{
    public int Id { get; set; }

    public int CaseReviewId { get; set; }

    public required string Tag { get; init; }
}

internal sealed class CaseReviewConfiguration : IEntityTypeConfiguration<CaseReview>
{
    public void Configure(EntityTypeBuilder<CaseReview> builder)
    {
        builder.Property(r => r.TeamId);
        builder.Property(r => r.CandidateId);
        builder.Property(r => r.Reason);
        builder.Property(r => r.ScheduledFor);
        builder.Property(r => r.ScheduledById).HasMaxLength(450);
        builder.Property(r => r.HeldOn);
        builder.Property(r => r.RecordedById).HasMaxLength(450);
        builder.Property(r => r.WhatHappened).HasMaxLength(CaseReview.TextMaxLength);
        builder.Property(r => r.WhatWorked).HasMaxLength(CaseReview.TextMaxLength);
        builder.Property(r => r.WhatDidNotWork).HasMaxLength(CaseReview.TextMaxLength);
        builder.Property(r => r.DoDifferently).HasMaxLength(CaseReview.TextMaxLength);
        builder.Property(r => r.SearchText).HasMaxLength((4 * CaseReview.TextMaxLength) + 1000);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.IsHeld);
        builder.HasOne<Teams.Team>().WithMany().HasForeignKey(r => r.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Candidate).WithMany().HasForeignKey(r => r.CandidateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Tags).WithOne().HasForeignKey(t => t.CaseReviewId).OnDelete(DeleteBehavior.Cascade);
        // The team's list, newest first.
        builder.HasIndex(r => new { r.TeamId, r.ScheduledFor });
        builder.HasIndex(r => r.CandidateId);
    }
}

internal sealed class CaseReviewTagConfiguration : IEntityTypeConfiguration<CaseReviewTag>
{
    public void Configure(EntityTypeBuilder<CaseReviewTag> builder)
    {
        builder.Property(t => t.Tag).HasMaxLength(CaseReview.TagMaxLength);
        builder.HasIndex(t => new { t.Tag, t.CaseReviewId }).IsUnique();
    }
}
