using Trinn.Core.ActionPlans;
using Trinn.Core.Activities;
using Trinn.Core.Audit;
using Trinn.Core.Candidates;
using Trinn.Core.CaseReviews;
using Trinn.Core.Duration;
using Trinn.Core.Employers;
using Trinn.Core.Fidelity;
using Trinn.Core.FollowUps;
using Trinn.Core.Identity;
using Trinn.Core.Indicators;
using Trinn.Core.Instruments.Shipped;
using Trinn.Core.Opportunities;
using Trinn.Core.Placements;
using Trinn.Core.Research;
using Trinn.Core.TimeLog;
using Trinn.Web.Tests.Workplace;
using static Trinn.Web.Tests.Security.HostileInput.HostileScene;

namespace Trinn.Web.Tests.Security.HostileInput;

/// <summary>
/// Every form in src/Trinn.Web/Features with free-text inputs. A new form gets one row here: route, role, a fresh
/// target with valid baseline values, the text fields, how to read them back and where they are shown.
/// </summary>
public static class HostileForms
{
    // Declared before All: static fields initialise in order.
    private static readonly FuzzField[] EmployerFields =
        [new("Input.Name"), new("Input.OrganizationNumber"), new("Input.Industry"), new("Input.Address")];

    private static readonly FuzzField[] OpportunityFields =
        [new("Input.Title"), new("Input.Tasks"), new("Input.HoursNote"), new("Input.Place"), new("Input.Requirements"), new("Input.Industry")];

    public static readonly IReadOnlyList<HostileForm> All =
    [
        new("Referrals/New", Roles.Jobbspesialist, async s =>
        {
            var after = await s.WithDbAsync(db => db.Candidates.MaxAsync(c => (int?)c.Id)) ?? 0;
            return new FormTarget("/Referrals/New", ReferralBaseline(s),
                (db, p) => p == nameof(Referral.Reason)
                    ? Read.From(d => d.Referrals.Where(r => r.CandidateId > after))(db, p)
                    : Read.From(d => d.Candidates.Where(c => c.Id > after))(db, p),
                Show.Redirect);
        }, [new("Input.FirstName"), new("Input.LastName"), new("Input.Phone"), new("Input.Email"), new("Input.Address"), new("Input.Reason")]),

        new("Candidates/Edit", Roles.Jobbspesialist, async s =>
        {
            var c = await s.AddCandidateAsync();
            return new FormTarget($"/Candidates/Edit/{c.Id}", new()
            {
                ["Input.FirstName"] = "Kari", ["Input.LastName"] = "Nordmann", ["Input.Phone"] = "", ["Input.Email"] = "",
                ["Input.Address"] = "", ["Input.PrimarySpecialistId"] = s.Specialist.Id, ["Input.BackupSpecialistId"] = "",
                ["Input.NextAction"] = "", ["Input.NextActionDate"] = "",
            }, Read.From(db => db.Candidates.Where(x => x.Id == c.Id)), Show.At($"/Candidates/Details/{c.Id}"));
        }, [new("Input.FirstName"), new("Input.LastName"), new("Input.Phone"), new("Input.Email"), new("Input.Address"), new("Input.NextAction")]),

        new("Candidates/Journal", Roles.Jobbspesialist, async s =>
        {
            var c = await s.AddCandidateAsync();
            return new FormTarget($"/Candidates/Journal/{c.Id}", new()
            {
                ["Input.Date"] = Iso(s.Today), ["Input.Kind"] = S((int)JournalKind.Meeting), ["Input.Place"] = S((int)WorkPlace.Office),
                ["Input.DurationMinutes"] = "30", ["Input.Text"] = "Samtale",
            }, Read.From(db => db.JournalNotes.Where(n => n.CandidateId == c.Id)), Show.At($"/Candidates/Details/{c.Id}"));
        }, [new("Input.Text", Stored: Stored.Exact)]),

        new("Candidates/Agreement", Roles.Jobbspesialist, async s =>
        {
            var c = await s.AddCandidateAsync();
            return new FormTarget($"/Candidates/Agreement/{c.Id}", new() { ["Input.SignedOn"] = Iso(s.Today), ["Input.Agreed"] = "Avtale" },
                Read.From(db => db.CooperationAgreements.Where(a => a.CandidateId == c.Id)), Show.At($"/Candidates/Details/{c.Id}"));
        }, [new("Input.Agreed")]),

        new("Candidates/Profile", Roles.Jobbspesialist, async s =>
        {
            var c = await s.AddCandidateAsync();
            return new FormTarget($"/Candidates/Profile/{c.Id}", new() { ["Input.Interests"] = "Butikk" },
                Read.From(db => db.ProfileVersions.Where(p => p.CandidateId == c.Id)), Show.At($"/Candidates/Profile/{c.Id}"));
        }, [.. new[] { "Interests", "WorkExperience", "Education", "Strengths", "Challenges", "Friskfaktorer", "PreferredIndustries",
                "PreferredHours", "PreferredPlaces", "Adaptations", "PersonalContacts" }.Select(f => new FuzzField("Input." + f, Stored: Stored.NullIfBlank)),
            // Whole hours: no hostile string is a number, so each is refused with a message at the field (blank is no value).
            new("Input.PreferredHoursMin", Displayed: false), new("Input.PreferredHoursMax", Displayed: false)]),

        new("Candidates/Stage", Roles.Jobbspesialist, async s =>
        {
            var c = await s.AddCandidateAsync(stage: 2);
            return new FormTarget($"/Candidates/Stage/{c.Id}", new() { ["Input.ToStage"] = "3", ["Input.Date"] = Iso(s.Today), ["Input.Reason"] = "Neste trinn" },
                Read.From(db => db.StageChanges.Where(x => x.CandidateId == c.Id)), Show.At($"/Candidates/Details/{c.Id}"));
        }, [new("Input.Reason", Stored: Stored.Exact)]),

        new("Candidates/Discharge", Roles.Jobbspesialist, async s =>
        {
            var c = await s.AddCandidateAsync(stage: 3);
            return new FormTarget($"/Candidates/Discharge/{c.Id}", new()
            {
                ["Input.Date"] = Iso(s.Today), ["Input.Outcome"] = S((int)DischargeOutcome.OrdinaryWork), ["Input.Note"] = "", ["Input.HandoverAgreed"] = "",
            }, (db, p) => p == nameof(DischargeRecord.HandoverAgreed)
                ? Read.From(d => d.Set<DischargeRecord>().Where(x => x.CandidateId == c.Id))(db, p)
                : Read.From(d => d.Candidates.Where(x => x.Id == c.Id))(db, p), Show.At($"/Candidates/Details/{c.Id}"));
        }, [new("Input.Note", nameof(Candidate.DischargeNote), Displayed: false), new("Input.HandoverAgreed")]),

        new("Employers/New", Roles.Jobbspesialist, async s =>
        {
            var after = await s.WithDbAsync(db => db.Set<Employer>().MaxAsync(e => (int?)e.Id)) ?? 0;
            return new FormTarget("/Employers/New", EmployerBaseline(), Read.From(db => db.Set<Employer>().Where(e => e.Id > after)), Show.Redirect);
        }, EmployerFields),

        new("Employers/Edit", Roles.Jobbspesialist, async s =>
        {
            var e = await s.WithDbAsync(db => db.AddEmployerAsync(s.Team.Id));
            return new FormTarget($"/Employers/Edit/{e.Id}", EmployerBaseline(),
                Read.From(db => db.Set<Employer>().Where(x => x.Id == e.Id)), Show.At($"/Employers/Details/{e.Id}"));
        }, EmployerFields),

        new("Employers/Details (contact person)", Roles.Jobbspesialist, async s =>
        {
            var e = await s.WithDbAsync(db => db.AddEmployerAsync(s.Team.Id));
            return new FormTarget($"/Employers/Details/{e.Id}", new() { ["Person.Name"] = "Ola Leder", ["Person.Role"] = "", ["Person.Phone"] = "", ["Person.Email"] = "" },
                Read.From(db => db.Set<EmployerContactPerson>().Where(p => p.EmployerId == e.Id)), Show.At($"/Employers/Details/{e.Id}"),
                PostUrl: $"/Employers/Details/{e.Id}?handler=Person");
        }, [new("Person.Name"), new("Person.Role"), new("Person.Phone"), new("Person.Email")]),

        new("Employers/Contact", Roles.Jobbspesialist, async s =>
        {
            var e = await s.WithDbAsync(db => db.AddEmployerAsync(s.Team.Id));
            return new FormTarget($"/Employers/Contact/{e.Id}", new()
            {
                ["Input.Date"] = Iso(s.Today), ["Input.Kind"] = S((int)EmployerContactKind.Visit),
                ["Input.Purpose"] = S((int)EmployerContactPurpose.BuildNetwork), ["Input.DurationMinutes"] = "30", ["Input.Note"] = "",
            }, Read.From(db => db.Set<EmployerContact>().Where(x => x.EmployerId == e.Id)), Show.At($"/Employers/Details/{e.Id}"));
        }, [new("Input.Note")]),

        new("Placements/Measure (mentor)", Roles.Jobbspesialist, async s =>
        {
            var placement = await AddPlacementAsync(s);
            return new FormTarget($"/Placements/Measure/{placement.Id}", new()
            {
                ["Input.Kind"] = S((int)SupportMeasureKind.Mentortilskudd), ["Input.MentorName"] = "Mentor", ["Input.HoursPerMonth"] = "10",
                ["Input.FromDate"] = Iso(s.Today), ["Input.ToDate"] = Iso(s.Today.AddMonths(3)),
                // Issue 15: a mentor grant needs the mentor's mandate.
                ["Input.MentorMandate"] = "Fast kontaktperson", ["Input.MentorTraining"] = "",
            }, Read.From(db => db.Set<SupportMeasure>().Where(m => m.PlacementId == placement.Id)), Show.At($"/Placements/Index/{placement.CandidateId}"));
        }, [new("Input.MentorName"), new("Input.MentorMandate"), new("Input.MentorTraining")]),

        new("Placements/Measure (plan)", Roles.Jobbspesialist, async s =>
        {
            var placement = await AddPlacementAsync(s);
            return new FormTarget($"/Placements/Measure/{placement.Id}", new()
            {
                ["Input.Kind"] = S((int)SupportMeasureKind.Tilretteleggingsplan), ["Input.Text"] = "Plan", ["Input.FromDate"] = Iso(s.Today),
            }, Read.From(db => db.Set<SupportMeasure>().Where(m => m.PlacementId == placement.Id)), Show.At($"/Placements/Index/{placement.CandidateId}"));
        }, [new("Input.Text")]),

        new("Placements/PlannedEnd", Roles.Jobbspesialist, async s =>
        {
            var placement = await AddPlacementAsync(s);
            return new FormTarget($"/Placements/PlannedEnd/{placement.Id}", new() { ["Input.PlannedEnd"] = Iso(s.Today.AddMonths(6)) },
                Read.From(db => db.Set<Placement>().Where(p => p.Id == placement.Id)), Show.At($"/Placements/Index/{placement.CandidateId}"));
        }, [new("Input.PlannedEnd", nameof(Placement.EndDate), Displayed: false)], FreeText: false),

        new("FollowUps/Index (add)", Roles.Jobbspesialist, async s =>
        {
            var placement = await AddPlacementAsync(s);
            var url = $"/FollowUps/Index/{placement.CandidateId}";
            return new FormTarget(url, new() { ["Add.Date"] = Iso(s.Today.AddDays(7)), ["Add.Note"] = "" },
                Read.From(db => db.Set<FollowUp>().Where(f => f.CandidateId == placement.CandidateId)), Show.At(url), PostUrl: url + "?handler=Add");
        }, [new("Add.Note")]),

        new("Duration/Index (extend)", Roles.Jobbspesialist, async s =>
        {
            var c = await s.AddCandidateAsync(stage: 3);
            var url = $"/Duration/Index/{c.Id}";
            var client = s.Client(Roles.Jobbspesialist);
            using (var started = await client.PostFormAsync(await client.GetFormAsync(url, url + "?handler=Start"), new() { ["StartInput.StartDate"] = Iso(s.Today.AddMonths(-1)) }))
            {
                Assert.Equal(System.Net.HttpStatusCode.Redirect, started.StatusCode);
            }

            return new FormTarget(url, new() { ["Extend.NewEndDate"] = Iso(s.Today.AddMonths(7)), ["Extend.Reason"] = "Trenger mer tid" },
                Read.From(db => db.Set<PeriodExtension>().Where(x => db.Set<FollowUpPeriod>().Any(p => p.Id == x.FollowUpPeriodId && p.CandidateId == c.Id))),
                Show.At(url), PostUrl: url + "?handler=Extend");
        }, [new("Extend.Reason")]),

        new("TimeLog/Index (add)", Roles.Jobbspesialist, async s =>
        {
            var after = await s.WithDbAsync(db => db.Set<TimeBlock>().MaxAsync(b => (int?)b.Id)) ?? 0;
            return new FormTarget("/TimeLog", new()
            {
                ["Input.Date"] = Iso(s.Today), ["Input.Minutes"] = "30", ["Input.Category"] = S((int)TimeCategory.WithCandidate), ["Input.Note"] = "",
            }, Read.From(db => db.Set<TimeBlock>().Where(b => b.Id > after)), Show.Redirect, PostUrl: "/TimeLog?handler=Add");
        }, [new("Input.Note")]),

        // Name is free text; scope and expiry come from a select and a date field, so anything else is refused at the field.
        new("Account/Profile (API token)", Roles.Jobbspesialist, async s =>
        {
            var after = await s.WithDbAsync(db => db.ApiTokens.MaxAsync(t => (int?)t.Id)) ?? 0;
            return new FormTarget("/Account/Profile", new() { ["Input.Name"] = "Skript", ["Input.Scope"] = "0", ["Input.ExpiresOn"] = Iso(s.Today.AddDays(90)) },
                Read.From(db => db.ApiTokens.Where(t => t.Id > after)), Show.At("/Account/Profile"), PostUrl: "/Account/Profile?handler=Create");
        }, [new("Input.Name"), new("Input.Scope", Displayed: false), new("Input.ExpiresOn", Property: nameof(ApiToken.ExpiresAtUtc), Displayed: false)]),

        // Selects only: a hostile value is refused at the field and changes nothing.
        new("Admin/Edit (role and team)", Roles.Admin, async s =>
        {
            var user = await s.App.Data.AddUserAsync(Roles.Leder);
            return new FormTarget($"/Admin/Edit/{user.Id}", new() { ["Input.Role"] = Roles.Forsker, ["Input.TeamId"] = "" },
                ReadBack: null, PostUrl: $"/Admin/Edit/{user.Id}?handler=Role");
        }, [new("Input.Role"), new("Input.TeamId")]),

        new("Studies/Researchers (grants)", Roles.Admin, async s =>
        {
            var forsker = await s.App.Data.AddUserAsync(Roles.Forsker);
            var studyId = await s.WithDbAsync(async db =>
            {
                var study = Study.Create(TestData.Unique("Studie "), wholeOrganisation: false, [s.Team.Id], s.Users[Roles.Admin].Id, DateTime.UtcNow);
                db.Add(study);
                await db.SaveChangesAsync();
                return study.Id;
            });
            return new FormTarget($"/Studies/Researchers/{studyId}", new() { ["Input.UserIds"] = forsker.Id }, ReadBack: null);
        }, [new("Input.UserIds")]),

        new("Fidelity/New", Roles.Metodeveileder, async s =>
        {
            var after = await s.WithDbAsync(db => db.Set<FidelityRound>().MaxAsync(r => (int?)r.Id)) ?? 0;
            return new FormTarget("/Fidelity/New", new()
            {
                ["Input.Label"] = TestData.Unique("Runde "), ["Input.OpensOn"] = Iso(s.Today), ["Input.ClosesOn"] = Iso(s.Today.AddDays(14)),
                ["Input.Respondents"] = s.Users[Roles.Metodeveileder].Id,
            },
                Read.From(db => db.Set<FidelityRound>().Where(r => r.Id > after)), Show.Redirect);
        }, [new("Input.Label")]),

        new("Admin (new user)", Roles.Admin, async s =>
        {
            var before = await s.WithDbAsync(db => db.Users.Select(u => u.Id).ToListAsync());
            return new FormTarget("/Admin", new()
            {
                ["Input.UserName"] = TestData.Unique("bruker"), ["Input.DisplayName"] = "Ny Bruker", ["Input.Role"] = Roles.Leder,
                ["Input.TeamId"] = "", ["Input.Fte"] = "", ["Input.Password"] = TestData.Password,
            }, Read.From(db => db.Users.Where(u => !before.Contains(u.Id))), Show.At("/Admin"));
        }, [new("Input.UserName"), new("Input.DisplayName")]),

        new("Opportunities/New", Roles.Jobbspesialist, async s =>
        {
            var e = await s.WithDbAsync(db => db.AddEmployerAsync(s.Team.Id));
            return new FormTarget($"/Opportunities/New/{e.Id}", OpportunityBaseline(),
                Read.From(db => db.Set<JobOpportunity>().Where(o => o.EmployerId == e.Id)), Show.Redirect);
        }, OpportunityFields),

        new("Opportunities/Edit", Roles.Jobbspesialist, async s =>
        {
            var o = await s.WithDbAsync(async db =>
            {
                var e = await db.AddEmployerAsync(s.Team.Id);
                var opportunity = new JobOpportunity { EmployerId = e.Id, CreatedAtUtc = DateTime.UtcNow };
                opportunity.Describe("Lager", "Plukke varer", 20, null, "Oslo", null, null, OpportunityStatus.Open, null, null);
                db.Add(opportunity);
                await db.SaveChangesAsync();
                return opportunity;
            });
            return new FormTarget($"/Opportunities/Edit/{o.Id}", OpportunityBaseline(),
                Read.From(db => db.Set<JobOpportunity>().Where(x => x.Id == o.Id)), Show.At($"/Opportunities/Details/{o.Id}"));
        }, OpportunityFields),

        new("Placements/Review (wage subsidy)", Roles.Jobbspesialist, async s =>
        {
            var placement = await AddPlacementAsync(s);
            var measure = await s.WithDbAsync(async db =>
            {
                var m = SupportMeasure.Lonnstilskudd(40, s.Today.AddDays(-30), null, s.Today.AddDays(60), DateTime.UtcNow);
                m.PlacementId = placement.Id;
                db.Add(m);
                await db.SaveChangesAsync();
                return m;
            });
            return new FormTarget($"/Placements/Review/{measure.Id}", new()
            {
                ["Input.LastReviewedOn"] = Iso(s.Today), ["Input.NextReviewDate"] = Iso(s.Today.AddMonths(3)), ["Input.ReviewNote"] = "",
            }, Read.From(db => db.Set<SupportMeasure>().Where(m => m.Id == measure.Id)), Show.At($"/Placements/Index/{placement.CandidateId}"));
        }, [new("Input.ReviewNote")]),

        new("TimeLog/Edit", Roles.Jobbspesialist, async s =>
        {
            var block = await s.WithDbAsync(async db =>
            {
                var b = TimeBlock.Create(s.Specialist.Id, s.Today, 30, TimeCategory.OfficeWork, false, null, s.Today, DateTime.UtcNow);
                db.Add(b);
                await db.SaveChangesAsync();
                return b;
            });
            return new FormTarget($"/TimeLog/Edit/{block.Id}", new()
            {
                ["Input.Date"] = Iso(s.Today), ["Input.Minutes"] = "45", ["Input.Category"] = S((int)TimeCategory.OfficeWork), ["Input.Note"] = "",
            }, Read.From(db => db.Set<TimeBlock>().Where(b => b.Id == block.Id)), Show.Redirect);
        }, [new("Input.Note")]),

        new("Employers/ContactEdit", Roles.Jobbspesialist, async s =>
        {
            var e = await s.WithDbAsync(db => db.AddEmployerAsync(s.Team.Id));
            var contact = await s.WithDbAsync(async db =>
            {
                var c = EmployerContact.Create(e.Id, s.Specialist.Id, s.Today, EmployerContactKind.Visit, EmployerContactPurpose.BuildNetwork, false, 30, null, [], s.Today, DateTime.UtcNow);
                db.Add(c);
                await db.SaveChangesAsync();
                return c;
            });
            return new FormTarget($"/Employers/ContactEdit/{contact.Id}", new()
            {
                ["Input.Date"] = Iso(s.Today), ["Input.Kind"] = S((int)EmployerContactKind.Visit),
                ["Input.Purpose"] = S((int)EmployerContactPurpose.BuildNetwork), ["Input.DurationMinutes"] = "45", ["Input.Note"] = "",
            }, Read.From(db => db.Set<EmployerContact>().Where(x => x.Id == contact.Id)), Show.At($"/Employers/Details/{e.Id}"));
        }, [new("Input.Note")]),

        new("Surveys/Protocol", Roles.Admin, async s =>
        {
            var studyId = await s.WithDbAsync(async db =>
            {
                var study = Study.Create(TestData.Unique("Studie "), wholeOrganisation: false, [s.Team.Id], s.Users[Roles.Admin].Id, DateTime.UtcNow);
                db.Add(study);
                await db.SaveChangesAsync();
                return study.Id;
            });
            return new FormTarget($"/Surveys/Protocol/{studyId}", new()
            {
                ["Input.WaveOffsets"] = "0, 3, 12, 18", ["Input.WindowDaysBefore"] = "7", ["Input.WindowDaysAfter"] = "30", ["Input.FirstReminderDays"] = "7",
                ["Input.SecondReminderDays"] = "14", ["Input.OnWithdrawal"] = "Keep", ["Input.InvitationSubject"] = "Invitasjon",
                ["Input.InvitationBody"] = "Svar her: {lenke}", ["Input.ReminderSubject"] = "Påminnelse", ["Input.ReminderBody"] = "Husk: {lenke}", ["handling"] = "save",
            }, Read.From(db => db.Set<Trinn.Core.Surveys.StudyProtocol>().Where(p => p.StudyId == studyId)), Show.At($"/Surveys/Protocol/{studyId}"));
        }, [new("Input.InvitationSubject"), new("Input.ReminderSubject")]),

        new("Surveys/Protocol (information letter)", Roles.Admin, async s =>
        {
            var studyId = await s.WithDbAsync(async db =>
            {
                var study = Study.Create(TestData.Unique("Studie "), wholeOrganisation: false, [s.Team.Id], s.Users[Roles.Admin].Id, DateTime.UtcNow);
                db.Add(study);
                await db.SaveChangesAsync();
                return study.Id;
            });
            return new FormTarget($"/Surveys/Protocol/{studyId}", new() { ["Letter.Text"] = "Informasjon" },
                Read.From(db => db.Set<Trinn.Core.Surveys.InformationLetter>().Where(l => l.StudyId == studyId)), Show.At($"/Surveys/Protocol/{studyId}"),
                $"/Surveys/Protocol/{studyId}?handler=Letter");
        }, [new("Letter.Text", Stored: Stored.TrimmedLf)]),

        new("Studies/New", Roles.Admin, async s =>
        {
            var after = await s.WithDbAsync(db => db.Set<Study>().MaxAsync(x => (int?)x.Id)) ?? 0;
            return new FormTarget("/Studies/New", new() { ["Input.Name"] = TestData.Unique("Studie "), ["Input.WholeOrganisation"] = "true" },
                Read.From(db => db.Set<Study>().Where(x => x.Id > after)), Show.Redirect);
        }, [new("Input.Name")]),

        // The reason is stored only in the export's audit entry; a good post answers with the file itself.
        new("Studies/Export (free text reason)", Roles.Admin, async s =>
        {
            var studyId = await s.WithDbAsync(async db =>
            {
                var study = Study.Create(TestData.Unique("Studie "), wholeOrganisation: false, [s.Team.Id], s.Users[Roles.Admin].Id, DateTime.UtcNow);
                db.Add(study);
                await db.SaveChangesAsync();
                return study.Id;
            });
            return new FormTarget($"/Studies/Export/{studyId}", new()
            {
                ["Input.Format"] = "csv:" + StudyDataset.Participants, ["Input.IncludeFreeText"] = "true", ["Input.Reason"] = "Avtalt med REK",
            }, async (db, _) =>
            {
                var id = S(studyId);
                var entries = await db.Set<AuditEntry>().AsNoTracking().Where(a => a.EntityType == "ResearchExport" && a.EntityId == id).ToListAsync();
                return entries.Select(a => ExportReason(a.Changes)).ToList();
            });
        }, [new("Input.Reason", Displayed: false)]),

        // Choice answers: a hostile value is never a valid option code, so it is refused (never stored).
        new("Fidelity/Answer", Roles.Jobbspesialist, async s =>
        {
            var roundId = await s.WithDbAsync(async db =>
            {
                var version = await InstrumentStore.PublishAsync(db, ShippedInstruments.Fidelity, DateTime.UtcNow);
                var round = new FidelityRound
                {
                    TeamId = s.Team.Id, Label = TestData.Unique("Runde "), OpensOn = s.Today, ClosesOn = s.Today.AddDays(14),
                    InstrumentKey = version.Key, InstrumentVersion = version.Version,
                    CreatedById = s.Users[Roles.Metodeveileder].Id, CreatedAtUtc = DateTime.UtcNow,
                };
                db.Add(round);
                await db.SaveChangesAsync();
                return round.Id;
            });
            return new FormTarget($"/Fidelity/Answer/{roundId}", [], null);
        }, [new("a.item1"), new("a.item2")]),

        new("Admin/Targets (new target)", Roles.Admin, async s =>
        {
            var after = await s.WithDbAsync(db => db.Set<IndicatorTarget>().MaxAsync(t => (int?)t.Id)) ?? 0;
            return new FormTarget("/Admin/Targets", new()
            {
                ["Input.Key"] = IndicatorKeys.WorkWithinYear, ["Input.ValidFrom"] = Iso(s.Today), ["Input.Value"] = "65", ["Input.UpperValue"] = "",
                ["Input.Source"] = "Oppdragsbrev",
            }, Read.From(db => db.Set<IndicatorTarget>().Where(t => t.Id > after)), Show.At("/Admin/Targets"));
        }, [new("Input.Source"), new("Input.Key", Displayed: false), new("Input.Value", Displayed: false), new("Input.ValidFrom", Displayed: false)]),

        // The next three forms take dates, numbers and choices only: no text is stored, so the property is "never 500,
        // never unencoded markup" (a hostile value is never a date, number or choice and is refused at the field).
        new("Admin/Targets (team start)", Roles.Admin, s => Task.FromResult(new FormTarget("/Admin/Targets", new()
            {
                ["Team.TeamId"] = S(s.Team.Id), ["Team.StartedOn"] = Iso(s.Today.AddMonths(-3)),
            }, null, PostUrl: "/Admin/Targets?handler=Team")),
            [new("Team.StartedOn", Displayed: false), new("Team.TeamId", Displayed: false)]),

        new("Admin/Memberships", Roles.Admin, async s =>
        {
            var user = await s.App.Data.AddUserAsync(Roles.Jobbspesialist, s.Team);
            return new FormTarget($"/Admin/Memberships/{user.Id}", new()
            {
                ["Input.From"] = Iso(s.Today), ["Input.TeamId"] = S(s.Team.Id), ["Input.Fte"] = "0,8",
            }, null);
        }, [new("Input.From", Displayed: false), new("Input.Fte", Displayed: false), new("Input.TeamId", Displayed: false)]),

        new("TimeLog/Absence", Roles.Jobbspesialist, s =>
        {
            return Task.FromResult(new FormTarget("/TimeLog/Absence", new()
            {
                ["Input.From"] = Iso(s.Today), ["Input.To"] = Iso(s.Today.AddDays(4)), ["Input.Percent"] = "100", ["Input.Kind"] = S((int)AbsenceKind.Holiday),
            }, null));
        }, [new("Input.From", Displayed: false), new("Input.To", Displayed: false), new("Input.Percent", Displayed: false), new("Input.Kind", Displayed: false)]),

        // Issue 15: the team's way of working.
        new("ActionPlans/Index (meeting note)", Roles.Jobbspesialist, async s =>
        {
            var c = await s.AddCandidateAsync(stage: 3);
            return new FormTarget($"/ActionPlans/Index/{c.Id}", PlanBaseline(s, new() { ["Input.Note"] = "Møte på kafé" }),
                Read.From(db => db.Set<ActionPlanUpdate>().Where(u => u.CandidateId == c.Id)), Show.At($"/ActionPlans/Index/{c.Id}"));
        }, [new("Input.Note"), new("Input.PresentOthers", "OthersPresent")]),

        new("ActionPlans/Index (goal)", Roles.Jobbspesialist, async s =>
        {
            var c = await s.AddCandidateAsync(stage: 3);
            return new FormTarget($"/ActionPlans/Index/{c.Id}", PlanBaseline(s, new() { ["Input.Note"] = "Møte", ["Input.NewGoal"] = "Jobb i butikk" }), async (db, _) =>
            {
                // No goal stored reads as null: the stored value of a goal left blank.
                var rows = await db.Set<ActionPlanGoal>().AsNoTracking().Where(g => g.CandidateId == c.Id).Select(g => (string?)g.Text).ToListAsync();
                return rows.Count == 0 ? [null] : rows;
            }, Show.At($"/ActionPlans/Index/{c.Id}"));
        }, [new("Input.NewGoal")]),

        new("ActionPlans/Index (step)", Roles.Jobbspesialist, async s =>
        {
            var c = await s.AddCandidateAsync(stage: 3);
            return new FormTarget($"/ActionPlans/Index/{c.Id}", PlanBaseline(s, new()
            {
                ["Input.NewGoal"] = "Jobb i butikk", ["Input.StepGoalId"] = "", ["Input.StepText"] = "Oppdatere CV", ["Input.StepOwner"] = S((int)StepOwner.Candidate),
            }), Read.From(db => db.Set<ActionPlanStep>().Where(x => x.CandidateId == c.Id)), Show.At($"/ActionPlans/Index/{c.Id}"));
        }, [new("Input.StepText", "Text")]),

        new("Candidates/NoteEdit (correct)", Roles.Jobbspesialist, async s =>
        {
            var note = await AddNoteAsync(s);
            return new FormTarget($"/Candidates/NoteEdit/{note.Id}", new()
            {
                ["Input.Date"] = Iso(s.Today), ["Input.Kind"] = S((int)JournalKind.Phone), ["Input.Place"] = S((int)WorkPlace.Office),
                ["Input.DurationMinutes"] = "20", ["Input.Text"] = "Rettet tekst",
            }, Read.From(db => db.JournalNotes.Where(n => n.Id == note.Id)), Show.At($"/Candidates/NoteEdit/{note.Id}"),
                PostUrl: $"/Candidates/NoteEdit/{note.Id}?handler=Correct");
        }, [new("Input.Text", Stored: Stored.Exact)]),

        new("Candidates/NoteEdit (entered in error)", Roles.Jobbspesialist, async s =>
        {
            var note = await AddNoteAsync(s);
            return new FormTarget($"/Candidates/NoteEdit/{note.Id}", new() { ["Error.Reason"] = "Feil kandidat" },
                Read.From(db => db.JournalNotes.Where(n => n.Id == note.Id)), Show.At($"/Candidates/Details/{note.CandidateId}"),
                PostUrl: $"/Candidates/NoteEdit/{note.Id}?handler=Error");
        }, [new("Error.Reason", nameof(JournalNote.EnteredInErrorReason))]),

        new("Candidates/TakeBack", Roles.Jobbspesialist, async s =>
        {
            var c = await s.AddCandidateAsync(stage: 4);
            await s.WithDbAsync(async db =>
            {
                var tracked = await db.Candidates.Include(x => x.Referral).SingleAsync(x => x.Id == c.Id);
                tracked.Discharge(s.Today.AddDays(-20), DischargeOutcome.OrdinaryWork, null, tracked.Referral!.ReferredOn, s.Today);
                await db.SaveChangesAsync();
                return 0;
            });
            return new FormTarget($"/Candidates/TakeBack/{c.Id}", new()
            {
                ["Input.Date"] = Iso(s.Today), ["Input.Reason"] = "Mistet jobben", ["Input.PlacementId"] = "", ["Input.Ending"] = "",
            }, Read.From(db => db.Set<DischargeRecord>().Where(d => d.CandidateId == c.Id)), Show.At($"/Candidates/Details/{c.Id}"));
        }, [new("Input.Reason", nameof(DischargeRecord.TakeBackReason))]),

        new("CaseReviews/Edit", Roles.Jobbspesialist, async s =>
        {
            var c = await s.AddCandidateAsync(stage: 3);
            var review = await s.WithDbAsync(async db =>
            {
                var r = CaseReview.Schedule(s.Team.Id, c.Id, CaseReviewReason.LostJob, s.Today, s.Users[Roles.Metodeveileder].Id, DateTime.UtcNow);
                db.Add(r);
                await db.SaveChangesAsync();
                return r;
            });
            return new FormTarget($"/CaseReviews/Edit/{review.Id}", new()
            {
                ["Input.HeldOn"] = Iso(s.Today), ["Input.WhatHappened"] = "Mistet jobben", ["Input.WhatWorked"] = "", ["Input.WhatDidNotWork"] = "",
                ["Input.DoDifferently"] = "", ["Input.Tags"] = "",
            }, Read.From(db => db.Set<CaseReview>().Where(r => r.Id == review.Id)), Show.At($"/CaseReviews/Details/{review.Id}"));
        }, [new("Input.WhatHappened"), new("Input.WhatWorked"), new("Input.WhatDidNotWork"), new("Input.DoDifferently")]),

        new("Activities/New", Roles.Jobbspesialist, async s =>
        {
            var c = await s.AddCandidateAsync(stage: 3);
            var after = await s.WithDbAsync(db => db.Set<GroupActivity>().MaxAsync(a => (int?)a.Id)) ?? 0;
            return new FormTarget("/Activities/New", new()
            {
                ["Input.Date"] = Iso(s.Today), ["Input.Kind"] = S((int)GroupActivityKind.CvGroup), ["Input.Title"] = "CV-verksted", ["Input.DurationMinutes"] = "60",
                ["Input.Note"] = "", ["Input.LeaderIds"] = s.Specialist.Id, ["Input.CandidateIds"] = S(c.Id),
            }, Read.From(db => db.Set<GroupActivity>().Where(a => a.Id > after)), Show.Redirect);
        }, [new("Input.Title"), new("Input.Note")]),

        // Forms that store nothing: the property is "never 500, never unencoded markup".
        new("Account/Login", "", _ => Task.FromResult(new FormTarget("/Account/Login", new() { ["Input.UserName"] = "x", ["Input.Password"] = "y" }, null)),
            [new("Input.UserName"), new("Input.Password")]),

        new("Audit/Index (search)", Roles.Metodeveileder, _ => Task.FromResult(new FormTarget("/Audit", new() { ["Input.NationalId"] = "01010112345" }, null)),
            [new("Input.NationalId")]),

        // The study's answer pages, consent and paper entry (issue #12).
        .. HostileSurveyForms.All,
    ];

    public static HostileForm Find(string name) => All.Single(f => f.Name == name);

    private static Dictionary<string, string> OpportunityBaseline() => new()
    {
        ["Input.Title"] = "Lagermedarbeider",
        ["Input.Tasks"] = "Plukke varer",
        ["Input.HoursPerWeek"] = "20",
        ["Input.HoursNote"] = "",
        ["Input.Place"] = "Oslo",
        ["Input.Requirements"] = "",
        ["Input.Industry"] = "",
        ["Input.Status"] = S((int)OpportunityStatus.Open),
        ["Input.CarvedForCandidateId"] = "",
    };

    private static string? ExportReason(string? changes) =>
        changes is null ? null
        : System.Text.Json.JsonDocument.Parse(changes).RootElement.TryGetProperty("Reason", out var reason) ? reason[1].GetString() : null;

    private static Dictionary<string, string> EmployerBaseline() => new()
    {
        ["Input.Name"] = TestData.Unique("Bedrift "),
        ["Input.OrganizationNumber"] = Builders.NewOrgNumber(),
        ["Input.Sector"] = S((int)EmployerSector.Private),
        ["Input.Industry"] = "",
        ["Input.Size"] = "",
        ["Input.Address"] = "",
    };

    private static Dictionary<string, string> ReferralBaseline(HostileScene s) => new()
    {
        ["Input.FirstName"] = TestData.Unique("Kari"),
        ["Input.LastName"] = TestData.Unique("Test"),
        ["Input.NationalId"] = TestData.SyntheticNationalId(),
        ["Input.Phone"] = "",
        ["Input.Email"] = "",
        ["Input.Address"] = "",
        ["Input.ReferredById"] = s.NavVeileder.Id,
        ["Input.ReferredOn"] = Iso(s.Today.AddDays(-1)),
        ["Input.Innsatsgruppe"] = S((int)Innsatsgruppe.SpesieltTilpasset),
        ["Input.Reason"] = "Ønsker arbeid.",
        ["Input.TeamId"] = S(s.Team.Id),
        ["Input.PrimarySpecialistId"] = s.Specialist.Id,
        ["Input.BackupSpecialistId"] = "",
    };

    private static Dictionary<string, string> PlanBaseline(HostileScene s, Dictionary<string, string> fields)
    {
        var baseline = new Dictionary<string, string>
        {
            ["Input.Date"] = Iso(s.Today),
            ["Input.CandidatePresent"] = "true",
            ["Input.JobSpecialistPresent"] = "true",
            ["Input.PresentOthers"] = "",
            ["Input.NewGoal"] = "",
            ["Input.StepText"] = "",
            ["Input.StepOwner"] = "",
            ["Input.StepDueDate"] = "",
            ["Input.Note"] = "",
        };
        foreach (var (key, value) in fields)
        {
            baseline[key] = value;
        }

        return baseline;
    }

    private static async Task<JournalNote> AddNoteAsync(HostileScene s)
    {
        var c = await s.AddCandidateAsync(stage: 3);
        return await s.WithDbAsync(async db =>
        {
            var candidate = await db.Candidates.Include(x => x.Agreement).SingleAsync(x => x.Id == c.Id);
            var note = JournalNote.Create(candidate, s.Specialist.Id, s.Today, JournalKind.Meeting, WorkPlace.OutOfOffice, 30, "Første tekst", s.Today, DateTime.UtcNow);
            db.Add(note);
            await db.SaveChangesAsync();
            return note;
        });
    }

    private static async Task<Placement> AddPlacementAsync(HostileScene s)
    {
        var c = await s.AddCandidateAsync(stage: 4);
        var e = await s.WithDbAsync(db => db.AddEmployerAsync(s.Team.Id));
        return await s.WithDbAsync(db => db.AddPlacementAsync(c.Id, e.Id, PlacementKind.Permanent, s.Today.AddDays(-30)));
    }
}
