using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trinn.Core.Candidates;
using Trinn.Core.Common;

namespace Trinn.Core.Activities;

/// <summary>Kinds of group activity the report describes: CV and interview groups, meeting places, joint employer visits.</summary>
public enum GroupActivityKind
{
    CvGroup = 1,
    InterviewGroup = 2,
    /// <summary>A meeting place with NAV-veiledere or partners (fidelity item 7: "minst to ganger i året").</summary>
    MeetingPlace = 3,
    JointEmployerVisit = 4,
    Other = 5,
}

/// <summary>How a kind of activity counts in the indicators (so the indicators read one table, not the enum names).</summary>
public static class GroupActivityKinds
{
    /// <summary>A joint visit at an employer is an in-person employer contact.</summary>
    public static bool IsEmployerContact(GroupActivityKind kind) => kind == GroupActivityKind.JointEmployerVisit;

    /// <summary>Meeting places count toward fidelity item 7's "at least twice a year".</summary>
    public static bool IsMeetingPlace(GroupActivityKind kind) => kind == GroupActivityKind.MeetingPlace;

    /// <summary>Time spent with candidates out of the office.</summary>
    public static bool IsWithCandidates(GroupActivityKind kind) => kind != GroupActivityKind.MeetingPlace;
}

/// <summary>
/// A group activity of a team: date, kind, the staff who led it and the candidates who took part. It appears in each
/// participant's timeline.
/// </summary>
public class GroupActivity : IVersioned
{
    public const int TitleMaxLength = 200;
    public const int NoteMaxLength = 2000;
    public const int MaxParticipants = 200;

    public int Id { get; set; }

    public int TeamId { get; private set; }

    public DateOnly Date { get; private set; }

    public GroupActivityKind Kind { get; private set; }

    public string Title { get; private set; } = "";

    public string? Note { get; private set; }

    public int DurationMinutes { get; private set; }

    public required string CreatedById { get; init; }

    public DateTime CreatedAtUtc { get; init; }

    public long Version { get; set; }

    public List<GroupActivityLeader> Leaders { get; } = [];

    public List<GroupActivityParticipant> Participants { get; } = [];

    /// <summary>
    /// A new activity. The caller passes only leaders and candidates of <paramref name="teamId"/> (the check is the
    /// caller's query); here: a date, a kind, a title, at least one leader and at least one participant.
    /// </summary>
    public static GroupActivity Create(
        int teamId, DateOnly? date, GroupActivityKind? kind, string? title, string? note, int? durationMinutes,
        IReadOnlyCollection<string> leaderIds, IReadOnlyCollection<int> candidateIds, string byUserId, DateOnly today, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(leaderIds);
        ArgumentNullException.ThrowIfNull(candidateIds);
        if (date is not { } d)
        {
            throw new DomainException(nameof(Date), "Error_Required");
        }

        if (d > today.AddYears(1))
        {
            throw new DomainException(nameof(Date), "Error_DateTooFarAhead");
        }

        if (kind is not { } k || !Enum.IsDefined(k))
        {
            throw new DomainException(nameof(Kind), "Error_Required");
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainException(nameof(Title), "Error_Required");
        }

        if (title.Length > TitleMaxLength)
        {
            throw new DomainException(nameof(Title), "Error_TooLong");
        }

        if (note is { Length: > NoteMaxLength })
        {
            throw new DomainException(nameof(Note), "Error_TooLong");
        }

        var minutes = durationMinutes ?? 0;
        if (minutes is < 0 or > JournalNote.MaxDurationMinutes)
        {
            throw new DomainException(nameof(DurationMinutes), "Error_Duration");
        }

        if (leaderIds.Count == 0)
        {
            throw new DomainException("LeaderIds", "Error_NoLeader");
        }

        if (candidateIds.Count == 0)
        {
            throw new DomainException("CandidateIds", "Error_NoParticipant");
        }

        if (candidateIds.Count > MaxParticipants)
        {
            throw new DomainException("CandidateIds", "Error_TooManyParticipants");
        }

        var activity = new GroupActivity
        {
            TeamId = teamId,
            Date = d,
            Kind = k,
            Title = title.Trim(),
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            DurationMinutes = minutes,
            CreatedById = byUserId,
            CreatedAtUtc = nowUtc,
        };
        activity.Leaders.AddRange(leaderIds.Distinct(StringComparer.Ordinal).Select(id => new GroupActivityLeader { UserId = id }));
        activity.Participants.AddRange(candidateIds.Distinct().Select(id => new GroupActivityParticipant { CandidateId = id }));
        return activity;
    }
}

public class GroupActivityLeader
{
    public int GroupActivityId { get; set; }

    public required string UserId { get; init; }
}

public class GroupActivityParticipant
{
    public int GroupActivityId { get; set; }

    public GroupActivity? Activity { get; set; }

    public int CandidateId { get; init; }
}

internal sealed class GroupActivityConfiguration : IEntityTypeConfiguration<GroupActivity>
{
    public void Configure(EntityTypeBuilder<GroupActivity> builder)
    {
        builder.Property(a => a.TeamId);
        builder.Property(a => a.Date);
        builder.Property(a => a.Kind);
        builder.Property(a => a.Title).HasMaxLength(GroupActivity.TitleMaxLength);
        builder.Property(a => a.Note).HasMaxLength(GroupActivity.NoteMaxLength);
        builder.Property(a => a.DurationMinutes);
        builder.Property(a => a.CreatedById).HasMaxLength(450);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne<Teams.Team>().WithMany().HasForeignKey(a => a.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Leaders).WithOne().HasForeignKey(l => l.GroupActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Participants).WithOne(p => p.Activity).HasForeignKey(p => p.GroupActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.TeamId, a.Date });
    }
}

internal sealed class GroupActivityLeaderConfiguration : IEntityTypeConfiguration<GroupActivityLeader>
{
    public void Configure(EntityTypeBuilder<GroupActivityLeader> builder)
    {
        builder.Property(l => l.UserId).HasMaxLength(450);
        builder.HasKey(l => new { l.GroupActivityId, l.UserId });
        builder.HasOne<Identity.TrinnUser>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GroupActivityParticipantConfiguration : IEntityTypeConfiguration<GroupActivityParticipant>
{
    public void Configure(EntityTypeBuilder<GroupActivityParticipant> builder)
    {
        builder.HasKey(p => new { p.GroupActivityId, p.CandidateId });
        builder.HasOne<Candidate>().WithMany().HasForeignKey(p => p.CandidateId).OnDelete(DeleteBehavior.Cascade);
        // A participant's timeline.
        builder.HasIndex(p => p.CandidateId);
    }
}
