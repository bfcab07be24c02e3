using Microsoft.EntityFrameworkCore;
using Trinn.Core.Data;
using Trinn.Core.Research;

namespace Trinn.Core.Surveys;

/// <summary>An e-mail ready to send: the candidate's address and the rendered text (with the personal link).</summary>
public sealed record MailToSend(string To, string Subject, string Body);

/// <summary>The mail server boundary (MailKit in the web app; an SMTP server inside the tests).</summary>
public interface IMailTransport
{
    /// <summary>False when no mail server is set up: messages then wait in the outbox, nothing is dropped.</summary>
    bool IsConfigured { get; }

    Task SendAsync(MailToSend message, CancellationToken ct);
}

/// <summary>
/// The survey mail cycle, run by the background sender under a <see cref="Background.JobLease"/>:
/// <see cref="ScheduleAsync"/> writes invitations and reminders that are due into the outbox, and
/// <see cref="DeliverAsync"/> sends what is waiting. Both are safe to run again after a crash: a message is unique per
/// (wave, kind, sequence), and a message is marked sent in the same save that stores its token.
/// </summary>
public static class SurveyOutbox
{
    /// <summary>
    /// Queues an invitation for every open, unanswered wave of an active consent whose candidate has an e-mail address
    /// and has not been invited, and a reminder when the study's reminder day after the invitation has come (at most
    /// two; none once the wave is answered, withdrawn or closed). Returns the number of messages queued.
    /// </summary>
    public static async Task<int> ScheduleAsync(TrinnDbContext db, DateOnly today, DateTime nowUtc, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var open = db.Set<SurveyWave>()
            .Where(w => w.SubmittedAtUtc == null && !w.Withdrawn && w.OpensOn <= today && w.ClosesOn >= today)
            .Where(w => db.Set<StudyConsent>().Any(c => c.ParticipantId == w.ParticipantId && c.WithdrawnOn == null));

        var toInvite = await open
            .Where(w => w.InvitedAtUtc == null && !db.Set<OutboxMessage>().Any(m => m.WaveId == w.Id && m.Kind == OutboxKind.Invitation))
            .OrderBy(w => w.Id)
            .Select(w => new { Wave = w, Email = db.Candidates.Where(c => c.Id == w.CandidateId && c.AnonymisedAtUtc == null).Select(c => c.Email).FirstOrDefault() })
            .Take(500)
            .ToListAsync(ct);
        var queued = 0;
        foreach (var row in toInvite.Where(r => !string.IsNullOrWhiteSpace(r.Email)))
        {
            db.Add(OutboxMessage.ForWave(row.Wave, OutboxKind.Invitation, 0, row.Email!.Trim(), nowUtc));
            queued++;
        }

        var reminders = await open
            .Where(w => w.InvitedAtUtc != null && w.RemindersSent < 2)
            .OrderBy(w => w.Id)
            .Select(w => new
            {
                Wave = w,
                Protocol = db.Set<StudyProtocol>().Where(p => p.StudyId == w.StudyId).Select(p => new { p.FirstReminderDays, p.SecondReminderDays }).FirstOrDefault(),
                Email = db.Candidates.Where(c => c.Id == w.CandidateId && c.AnonymisedAtUtc == null).Select(c => c.Email).FirstOrDefault(),
                Queued = db.Set<OutboxMessage>().Where(m => m.WaveId == w.Id && m.Kind == OutboxKind.Reminder).Select(m => m.Sequence).ToList(),
            })
            .Take(500)
            .ToListAsync(ct);
        foreach (var row in reminders)
        {
            var sequence = row.Wave.RemindersSent + 1;
            var days = sequence == 1 ? row.Protocol?.FirstReminderDays : row.Protocol?.SecondReminderDays;
            if (days is null || row.Queued.Contains(sequence) || string.IsNullOrWhiteSpace(row.Email))
            {
                continue;
            }

            // Reminder days count from the day the invitation went out in Norway, as today does.
            if (Common.NorwegianDate.Of(row.Wave.InvitedAtUtc!.Value).AddDays(days.Value) <= today)
            {
                db.Add(OutboxMessage.ForWave(row.Wave, OutboxKind.Reminder, sequence, row.Email!.Trim(), nowUtc));
                queued++;
            }
        }

        if (queued > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        return queued;
    }

    /// <summary>
    /// Sends waiting messages whose time has come, each with a fresh personal link. A message whose wave was answered,
    /// withdrawn or closed meanwhile is cancelled instead. A failed send is retried later with backoff; after
    /// <see cref="OutboxMessage.MaxAttempts"/> it is marked failed for staff to see. Returns the number sent.
    /// <para><paramref name="keepLease"/> (the background sender's lease) is renewed before each message, and the round
    /// stops as soon as it is lost, so a slow mail server can never let a second instance send the same message while
    /// this one still works through its batch. Cancellation is honoured between messages, never in the middle of one:
    /// a message handed to the mail server is always marked sent in the same round, so a graceful shutdown sends
    /// nothing twice. (A process killed mid-send may send that one message again: SMTP gives no better.)</para>
    /// </summary>
    public static async Task<int> DeliverAsync(
        TrinnDbContext db, IMailTransport transport, Func<string, string> linkForToken, DateOnly today, DateTime nowUtc,
        Func<CancellationToken, Task<bool>>? keepLease = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(linkForToken);
        if (!transport.IsConfigured)
        {
            return 0;
        }

        var batch = await db.Set<OutboxMessage>()
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAtUtc <= nowUtc && m.WaveId != null)
            .OrderBy(m => m.NextAttemptAtUtc).ThenBy(m => m.Id)
            .Take(50)
            .ToListAsync(ct);
        var sent = 0;
        foreach (var message in batch)
        {
            if (ct.IsCancellationRequested || (keepLease is not null && !await keepLease(ct)))
            {
                break;
            }

            var wave = await db.Set<SurveyWave>().SingleAsync(w => w.Id == message.WaveId, ct);
            var active = await db.Set<StudyConsent>().AnyAsync(c => c.ParticipantId == wave.ParticipantId && c.WithdrawnOn == null, ct);
            if (!active || !wave.IsOpenOn(today))
            {
                message.Cancel();
                await db.SaveChangesAsync(ct);
                continue;
            }

            var protocol = await db.Set<StudyProtocol>().AsNoTracking().SingleAsync(p => p.StudyId == wave.StudyId, ct);
            var studyName = await db.Set<Study>().Where(s => s.Id == wave.StudyId).Select(s => s.Name).SingleAsync(ct);
            var (token, row) = SurveyLinkToken.Issue(wave.Id, nowUtc);
            var link = linkForToken(token);
            var invitation = message.Kind == OutboxKind.Invitation;
            var mail = new MailToSend(
                message.ToAddress,
                invitation ? protocol.InvitationSubject : protocol.ReminderSubject,
                StudyProtocol.Render(invitation ? protocol.InvitationBody : protocol.ReminderBody, studyName, link, wave.ClosesOn));
            try
            {
                // Not cancelled midway (see above); the transport has its own timeout.
                await transport.SendAsync(mail, CancellationToken.None);
            }
            catch (Exception ex)
            {
                // The server's own words (type and message), never the mail's content or address.
                message.MarkFailed(ex.GetType().Name + ": " + ex.Message.Replace(message.ToAddress, "…", StringComparison.OrdinalIgnoreCase), nowUtc);
                await db.SaveChangesAsync(CancellationToken.None);
                continue;
            }

            db.Add(row);
            message.MarkSent(nowUtc);
            if (invitation)
            {
                wave.MarkInvited(nowUtc);
            }
            else
            {
                wave.MarkReminded(nowUtc);
            }

            await db.SaveChangesAsync(CancellationToken.None);
            sent++;
        }

        return sent;
    }
}
