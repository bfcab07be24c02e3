using System.Globalization;
using Trinn.Core.Research;

namespace Trinn.Cli.Seed;

/// <summary>A study over the whole organisation, started three years ago, with every candidate since who consented to research.</summary>
internal sealed class StudyGenerator : ISeedGenerator
{
    public IReadOnlyList<Type> Tables { get; } = [typeof(Study), typeof(StudyParticipant)];

    public async Task RunAsync(SeedContext context, BulkWriter writer, CancellationToken ct)
    {
        var random = context.RandomFor("studies");
        var started = context.Today.AddYears(-3);
        await using (var studies = writer.Table<Study>(nameof(Study.Id), nameof(Study.Name), nameof(Study.WholeOrganisation), nameof(Study.CreatedById), nameof(Study.CreatedAtUtc)))
        {
            studies.Add(1, "Følgeforskning Utvidet oppfølging", true, context.Admin.Id, SeedContext.At(started, random));
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        await using var participants = writer.Table<StudyParticipant>(
            nameof(StudyParticipant.Id), nameof(StudyParticipant.StudyId), nameof(StudyParticipant.CandidateId), nameof(StudyParticipant.ResearchId),
            nameof(StudyParticipant.AgeBand), nameof(StudyParticipant.EnrolledById), nameof(StudyParticipant.EnrolledAtUtc));
        foreach (var c in context.Candidates.Where(c => c.ConsentResearch && c.End >= started && c.AgreementOn is not null))
        {
            string id;
            do
            {
                id = ResearchIds.Prefix + string.Create(ResearchIds.RandomLength, random, static (span, r) =>
                {
                    for (var i = 0; i < span.Length; i++)
                    {
                        span[i] = ResearchIds.Alphabet[r.Next(ResearchIds.Alphabet.Length)];
                    }
                });
            }
            while (!used.Add(id));

            var enrolled = c.AgreementOn!.Value < started ? started : c.AgreementOn.Value;
            participants.Add(participants.Count + 1, 1, c.Id, id, ResearchIds.AgeBand(c.BirthDate, enrolled), context.Admin.Id, SeedContext.At(enrolled, random));
        }

        context.Progress(string.Create(CultureInfo.InvariantCulture, $"research: 1 study, {participants.Count:N0} participants"));
    }
}
