using Trinn.Core.Common;

namespace Trinn.Core.Placements;

public enum SupportMeasureKind
{
    Lonnstilskudd = 1,
    Mentortilskudd = 2,
    Inkluderingstilskudd = 3,
    Tilretteleggingsplan = 4,
}

/// <summary>
/// A virkemiddel on a placement. One table for the four kinds; each kind fills its own fields and the factory
/// methods check that the right ones are there.
/// </summary>
public class SupportMeasure : IVersioned
{
    public const int TextMaxLength = 2000;

    public int Id { get; set; }

    public int PlacementId { get; set; }

    public Placement? Placement { get; set; }

    public SupportMeasureKind Kind { get; private set; }

    public DateOnly? FromDate { get; private set; }

    public DateOnly? ToDate { get; private set; }

    /// <summary>Lønnstilskudd: share of the wage (the report saw 30–75 %).</summary>
    public int? Percent { get; private set; }

    /// <summary>Lønnstilskudd: when it must be looked at again, so it does not "roll" without review.</summary>
    public DateOnly? NextReviewDate { get; private set; }

    /// <summary>Lønnstilskudd: the last review; the start of the subsidy until the first one.</summary>
    public DateOnly? LastReviewedOn { get; private set; }

    public string? MentorName { get; private set; }

    public decimal? HoursPerMonth { get; private set; }

    public decimal? Amount { get; private set; }

    /// <summary>Inkluderingstilskudd: what the grant is for; tilretteleggingsplan: the plan.</summary>
    public string? Text { get; private set; }

    /// <summary>Lønnstilskudd: what the last review concluded (optional).</summary>
    public string? ReviewNote { get; private set; }

    /// <summary>Mentortilskudd: the mentor's mandate (what the mentor does, and does not); the report calls it essential.</summary>
    public string? MentorMandate { get; private set; }

    /// <summary>Mentortilskudd: the training the mentor has had (observation, communication, guidance, conflict handling).</summary>
    public string? MentorTraining { get; private set; }

    /// <summary>Mentortilskudd: the period the job specialist and the mentor work together before the mentor takes over.</summary>
    public DateOnly? JointFrom { get; private set; }

    public DateOnly? JointTo { get; private set; }

    public DateTime CreatedAtUtc { get; set; }

    public long Version { get; set; }

    public static SupportMeasure Lonnstilskudd(int? percent, DateOnly? from, DateOnly? to, DateOnly? nextReview, DateTime nowUtc)
    {
        if (percent is not { } p)
        {
            throw new DomainException(nameof(Percent), "Error_Required");
        }

        if (p is < 1 or > 100)
        {
            throw new DomainException(nameof(Percent), "Error_Percent");
        }

        var (start, end) = Period(from, to);
        if (nextReview is not { } review)
        {
            throw new DomainException(nameof(NextReviewDate), "Error_Required");
        }

        if (review < start)
        {
            throw new DomainException(nameof(NextReviewDate), "Error_ReviewBeforeStart");
        }

        return new SupportMeasure
        {
            Kind = SupportMeasureKind.Lonnstilskudd,
            Percent = p,
            FromDate = start,
            ToDate = end,
            NextReviewDate = review,
            CreatedAtUtc = nowUtc,
        };
    }

    public static SupportMeasure Mentortilskudd(string? mentor, decimal? hoursPerMonth, DateOnly? from, DateOnly? to, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(mentor))
        {
            throw new DomainException(nameof(MentorName), "Error_Required");
        }

        if (hoursPerMonth is not { } hours || hours <= 0 || hours > 200)
        {
            throw new DomainException(nameof(HoursPerMonth), "Error_HoursPerMonth");
        }

        var (start, end) = Period(from, to);
        return new SupportMeasure
        {
            Kind = SupportMeasureKind.Mentortilskudd,
            MentorName = mentor.Trim(),
            HoursPerMonth = hours,
            FromDate = start,
            ToDate = end,
            CreatedAtUtc = nowUtc,
        };
    }

    /// <summary>
    /// The mentor's mandate (required), training given and the joint period with the job specialist ("at
    /// jobbspesialisten og mentoren jobber sammen en periode først"), which lies inside the grant's period.
    /// </summary>
    public void DescribeMentor(string? mandate, string? training, DateOnly? jointFrom, DateOnly? jointTo)
    {
        if (Kind != SupportMeasureKind.Mentortilskudd)
        {
            throw new DomainException(nameof(MentorMandate), "Error_NotMentorGrant");
        }

        var text = Required(mandate, nameof(MentorMandate));
        if (training is { Length: > TextMaxLength })
        {
            throw new DomainException(nameof(MentorTraining), "Error_TooLong");
        }

        if (jointFrom is null != jointTo is null)
        {
            throw new DomainException(jointFrom is null ? nameof(JointFrom) : nameof(JointTo), "Error_JointPeriodBothDates");
        }

        if (jointFrom is { } from && jointTo is { } to)
        {
            if (to < from)
            {
                throw new DomainException(nameof(JointTo), "Error_EndBeforeStart");
            }

            if (from < FromDate || (ToDate is { } end && to > end))
            {
                throw new DomainException(nameof(JointFrom), "Error_JointOutsideGrant");
            }
        }

        MentorMandate = text;
        MentorTraining = string.IsNullOrWhiteSpace(training) ? null : training.Trim();
        JointFrom = jointFrom;
        JointTo = jointTo;
    }

    public static SupportMeasure Inkluderingstilskudd(decimal? amount, string? purpose, DateTime nowUtc)
    {
        if (amount is not { } a || a <= 0)
        {
            throw new DomainException(nameof(Amount), "Error_Amount");
        }

        return new SupportMeasure
        {
            Kind = SupportMeasureKind.Inkluderingstilskudd,
            Amount = a,
            Text = Required(purpose),
            CreatedAtUtc = nowUtc,
        };
    }

    public static SupportMeasure Tilretteleggingsplan(string? plan, DateOnly? from, DateTime nowUtc) => new()
    {
        Kind = SupportMeasureKind.Tilretteleggingsplan,
        Text = Required(plan),
        FromDate = from,
        CreatedAtUtc = nowUtc,
    };

    /// <summary>
    /// A wage subsidy is overdue for review when it still runs (its last day, <paramref name="runsUntil"/>, has not
    /// passed: see <see cref="RunsUntil"/>), its review date has passed, and no employer contact about support measures
    /// has been registered since the last review (or since it started). A subsidy that has ended needs no review.
    /// </summary>
    public static bool ReviewOverdue(DateOnly? nextReview, DateOnly? lastReviewedOn, DateOnly? from, DateOnly? runsUntil, DateOnly? lastContactAboutIt, DateOnly today)
    {
        if (nextReview is not { } review || review >= today)
        {
            return false;
        }

        if (runsUntil is { } last && last < today)
        {
            return false;
        }

        var since = lastReviewedOn ?? from ?? DateOnly.MinValue;
        return lastContactAboutIt is not { } contact || contact < since;
    }

    /// <summary>The last day a measure runs: its own end, or the job's end if that comes first; null while both are open.</summary>
    public static DateOnly? RunsUntil(DateOnly? to, DateOnly? jobEnd) =>
        to is { } own && jobEnd is { } job ? (own < job ? own : job) : to ?? jobEnd;

    /// <summary>
    /// The next review date to suggest for a review on <paramref name="reviewedOn"/>: the subsidy's own cadence (from its
    /// last review, or its start, to the review now due) counted again from that day, but not past the subsidy's end.
    /// Null when there is no cadence or no day left after <paramref name="reviewedOn"/> before the end.
    /// </summary>
    public DateOnly? SuggestNextReview(DateOnly reviewedOn)
    {
        if (NextReviewDate is not { } due || (LastReviewedOn ?? FromDate) is not { } since || due <= since)
        {
            return null;
        }

        var next = reviewedOn.AddDays(due.DayNumber - since.DayNumber);
        if (ToDate is { } end && next > end)
        {
            next = end;
        }

        return next > reviewedOn ? next : null;
    }

    /// <summary>Records a review and the next review date.</summary>
    public void Review(DateOnly reviewedOn, DateOnly? nextReview, DateOnly today, string? note = null)
    {
        if (Kind != SupportMeasureKind.Lonnstilskudd)
        {
            throw new DomainException(nameof(NextReviewDate), "Error_NotWageSubsidy");
        }

        if (reviewedOn > today)
        {
            throw new DomainException(nameof(LastReviewedOn), "Error_DateInFuture");
        }

        if (nextReview is not { } next || next <= reviewedOn)
        {
            throw new DomainException(nameof(NextReviewDate), "Error_ReviewAfterReviewed");
        }

        if (note is { Length: > TextMaxLength })
        {
            throw new DomainException(nameof(ReviewNote), "Error_TooLong");
        }

        LastReviewedOn = reviewedOn;
        NextReviewDate = next;
        ReviewNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    /// <summary>
    /// Ends the measure with its job on <paramref name="jobEnd"/>: a measure that had started and ran on past that day
    /// (or had no end) now ends that day, and a mentor's joint period with it. One not yet started is left as it is.
    /// </summary>
    internal void EndWithJob(DateOnly jobEnd)
    {
        if (FromDate is not { } start || start > jobEnd || ToDate <= jobEnd)
        {
            return;
        }

        ToDate = jobEnd;
        if (JointTo > jobEnd && JointFrom <= jobEnd)
        {
            JointTo = jobEnd;
        }
    }

    private static (DateOnly Start, DateOnly? End) Period(DateOnly? from, DateOnly? to)
    {
        if (from is not { } start)
        {
            throw new DomainException(nameof(FromDate), "Error_Required");
        }

        if (to is { } end && end < start)
        {
            throw new DomainException(nameof(ToDate), "Error_EndBeforeStart");
        }

        return (start, to);
    }

    private static string Required(string? text, string field = nameof(Text))
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainException(field, "Error_Required");
        }

        if (text.Length > TextMaxLength)
        {
            throw new DomainException(field, "Error_TooLong");
        }

        return text.Trim();
    }
}
