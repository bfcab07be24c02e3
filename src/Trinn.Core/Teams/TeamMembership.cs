using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trinn.Core.Common;
using Trinn.Core.Identity;

namespace Trinn.Core.Teams;

/// <summary>
/// A stretch of time in which a user belonged to a team with a given full-time equivalent (stillingsandel). The
/// indicators count a specialist for each team for their part of a period, with the FTE of that part. A user with no
/// membership rows counts in their current team (<see cref="TrinnUser.TeamId"/>) with their current FTE throughout.
/// </summary>
public class TeamMembership
{
    public const decimal MinFte = 0.1m;
    public const decimal MaxFte = 1.0m;

    public int Id { get; set; }

    public required string UserId { get; set; }

    public int TeamId { get; private set; }

    public Team? Team { get; set; }

    /// <summary>First day; <see cref="DateOnly.MinValue"/> for "since before the history was kept".</summary>
    public DateOnly From { get; private set; }

    /// <summary>Last day (inclusive); null while it runs.</summary>
    public DateOnly? To { get; private set; }

    public decimal Fte { get; private set; }

    public DateTime CreatedAtUtc { get; set; }

    public bool Covers(DateOnly day) => From <= day && (To is null || To >= day);

    /// <summary>A new user's first membership, from <paramref name="from"/>.</summary>
    public static TeamMembership Start(string userId, int teamId, decimal? fte, DateOnly from, DateTime nowUtc) => new()
    {
        UserId = userId,
        TeamId = teamId,
        Fte = CheckFte(fte),
        From = from,
        CreatedAtUtc = nowUtc,
    };

    /// <summary>
    /// Records that <paramref name="user"/> works in <paramref name="teamId"/> with <paramref name="fte"/> from
    /// <paramref name="from"/>, or leaves their team when <paramref name="teamId"/> is null. The membership running on
    /// that day ends the day before; history is kept. A user without history first gets their current team and FTE as
    /// a membership "since before". The user's current team and FTE follow. Rules: the date is not in the future and
    /// comes after the start of the latest recorded membership (history is added in order); an FTE of 0.1–1.0.
    /// Returns the new membership (null when leaving), already added to <paramref name="history"/>.
    /// </summary>
    public static TeamMembership? Change(
        TrinnUser user, List<TeamMembership> history, int? teamId, decimal? fte, DateOnly? from, DateOnly today, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(history);
        if (from is not { } start)
        {
            throw new DomainException("From", "Error_Required");
        }

        if (start > today)
        {
            throw new DomainException("From", "Error_DateInFuture");
        }

        if (history.Any(m => m.From >= start))
        {
            throw new DomainException("From", "Error_MembershipNotAfterLatest");
        }

        if (teamId is null && fte is not null)
        {
            throw new DomainException("Fte", "Error_FteWithoutTeam");
        }

        var next = teamId is { } team ? Start(user.Id, team, fte, start, nowUtc) : null;
        if (history.Count == 0 && user.TeamId is { } current)
        {
            history.Add(new TeamMembership
            {
                UserId = user.Id,
                TeamId = current,
                Fte = user.Fte is { } f && f is >= MinFte and <= MaxFte ? f : MaxFte,
                From = DateOnly.MinValue,
                CreatedAtUtc = nowUtc,
            });
        }

        foreach (var running in history.Where(m => m.To is null || m.To >= start))
        {
            running.To = start.AddDays(-1);
        }

        if (next is not null)
        {
            history.Add(next);
        }

        user.TeamId = teamId;
        user.Fte = next?.Fte;

        return next;
    }

    private static decimal CheckFte(decimal? fte)
    {
        if (fte is not { } value)
        {
            throw new DomainException("Fte", "Error_Required");
        }

        if (value is < MinFte or > MaxFte)
        {
            throw new DomainException("Fte", "Error_FteRange");
        }

        return value;
    }
}

internal sealed class TeamMembershipConfiguration : IEntityTypeConfiguration<TeamMembership>
{
    public void Configure(EntityTypeBuilder<TeamMembership> builder)
    {
        builder.Property(m => m.UserId).HasMaxLength(450);
        builder.Property(m => m.TeamId);
        builder.Property(m => m.From);
        builder.Property(m => m.To);
        builder.Property(m => m.Fte).HasPrecision(4, 2);
        builder.HasOne<TrinnUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Team).WithMany().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Restrict);
        // The indicators read a team's memberships overlapping a period; the admin page reads one user's history.
        builder.HasIndex(m => new { m.TeamId, m.From });
        builder.HasIndex(m => new { m.UserId, m.From });
    }
}
