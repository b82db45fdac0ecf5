using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Audit;
using Ariadne.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Exchange;

/// <summary>One bad cell (or a bad header, column null): the physical line number of the file, the column, what is wrong.</summary>
public sealed record CtdcRowError(long Line, string? Column, string Message);

public enum CtdcImportPhase
{
    Receiving,
    Checking,
    Importing,
    Imported,
    Failed,
}

/// <summary>
/// The progress of one import, read by the page (polled) and the API while the import runs. Written by one import only; read
/// from other requests, so the counters are read and written whole.
/// </summary>
public sealed class CtdcImportProgress(Guid id, Guid userId)
{
    public Guid Id { get; } = id;
    public Guid UserId { get; } = userId;
    public CtdcImportPhase Phase { get; set; } = CtdcImportPhase.Receiving;
    public long BytesTotal { get; set; }
    private long _bytesRead;
    public long BytesRead { get => Interlocked.Read(ref _bytesRead); set => Interlocked.Exchange(ref _bytesRead, value); }
    private long _rowsChecked;
    public long RowsChecked { get => Interlocked.Read(ref _rowsChecked); set => Interlocked.Exchange(ref _rowsChecked, value); }
    private long _rowsImported;
    public long RowsImported { get => Interlocked.Read(ref _rowsImported); set => Interlocked.Exchange(ref _rowsImported, value); }
    public int BadRows { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>0–100: checking is the first half of the work, importing the second.</summary>
    public int Percent => Phase switch
    {
        CtdcImportPhase.Receiving => 0,
        CtdcImportPhase.Checking => BytesTotal == 0 ? 0 : (int)(50 * BytesRead / BytesTotal),
        CtdcImportPhase.Importing => 50 + (BytesTotal == 0 ? 0 : (int)(50 * BytesRead / BytesTotal)),
        CtdcImportPhase.Imported or CtdcImportPhase.Failed => 100,
    };
}

public sealed record CtdcProgressResponse(Guid Id, string Phase, int Percent, long RowsChecked, long RowsImported, int BadRows);

/// <summary>The imports in progress (and just finished), by id, for the progress pages; each is seen by the user who started it only.</summary>
public sealed class CtdcImportJobs(TimeProvider time)
{
    private readonly ConcurrentDictionary<Guid, CtdcImportProgress> _jobs = new();

    public CtdcImportProgress? Start(Guid id, Guid userId)
    {
        // Forget what finished an hour ago: progress is for watching, the result is in the audit trail.
        foreach (var old in _jobs.Values.Where(j => j.UpdatedAt < time.GetUtcNow().UtcDateTime.AddHours(-1)))
        {
            _jobs.TryRemove(old.Id, out _);
        }
        var job = new CtdcImportProgress(id, userId) { UpdatedAt = time.GetUtcNow().UtcDateTime };
        return _jobs.TryAdd(id, job) ? job : null;
    }

    public CtdcImportProgress? Find(Guid id, ClaimsPrincipal user) =>
        _jobs.TryGetValue(id, out var job) && job.UserId == user.UserId() ? job : null;

    public static CtdcProgressResponse Describe(Guid id, CtdcImportProgress? job) => job is null
        ? new(id, "Waiting", 0, 0, 0, 0)
        : new(job.Id, job.Phase.ToString(), job.Percent, job.RowsChecked, job.RowsImported, job.BadRows);
}

public sealed record CtdcImportResult(Guid? ImportId, long Rows, int BadRows, IReadOnlyList<CtdcRowError> Errors, bool ErrorsTruncated)
{
    public bool Imported => ImportId is not null;
}

/// <summary>
/// Imports a CTDC-format CSV file (the codebook's columns, any order; <c>ext_</c> columns ignored) as reference data. The file is read
/// twice, streaming both times: first every row is checked and every bad cell reported by line and column; only a clean file is read
/// again and inserted, in one transaction with the run's record and the audit entry, so a failing file leaves nothing behind and a
/// clean one appears whole. The rows go in as prepared multi-row statements (<see cref="CtdcBatchInsert"/>), not the change tracker.
/// </summary>
public sealed class CtdcImport(AriadneDbContext db, AuditTrail audit, TimeProvider time)
{
    /// <summary>Errors kept for the answer; the count goes on. Past this the file is clearly not CTDC and a longer list helps nobody.</summary>
    public const int MaxReportedErrors = 10_000;

    public async Task<CtdcImportResult> RunAsync(ClaimsPrincipal user, string fileName, string path, CtdcImportProgress progress, CancellationToken ct)
    {
        progress.BytesTotal = new FileInfo(path).Length;
        progress.Phase = CtdcImportPhase.Checking;
        var errors = new List<CtdcRowError>();
        var badRows = 0;
        long rows = 0;
        await foreach (var row in ReadAsync(path, progress, errors, ct))
        {
            rows++;
            var rowErrors = row.Broken is { } broken ? [new CtdcRowError(row.Line, null, broken)] : Check(row);
            if (rowErrors.Count > 0)
            {
                badRows++;
                foreach (var e in rowErrors.TakeWhile(_ => errors.Count < MaxReportedErrors))
                {
                    errors.Add(e);
                }
            }
            progress.RowsChecked = rows;
            progress.BadRows = badRows;
        }
        if (errors.Count > 0 || rows == 0)
        {
            if (rows == 0 && errors.Count == 0)
            {
                errors.Add(new CtdcRowError(1, null, "The file holds no rows."));
            }
            progress.Phase = CtdcImportPhase.Failed;
            await audit.RecordAsync(db, ExchangeAuditActions.CtdcImport, ExchangeAuditActions.TargetType, details:
                $"CTDC import of \"{Name(fileName)}\" refused: {badRows} bad rows of {rows}; nothing imported", outcome: AuditOutcome.Failure,
                cancellationToken: ct);
            return new CtdcImportResult(null, rows, Math.Max(badRows, 1), errors, errors.Count >= MaxReportedErrors);
        }

        progress.Phase = CtdcImportPhase.Importing;
        progress.BytesRead = 0;
        var run = new CtdcImportRun
        {
            FileName = Name(fileName), ImportedAt = time.GetUtcNow().UtcDateTime, ImportedByUserId = user.UserId() ?? Guid.Empty,
            ImportedByName = user.DisplayName(), Rows = checked((int)rows),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Add(run);
        await db.SaveChangesAsync(ct);
        await using (var bulk = new CtdcBatchInsert(db))
        {
            var imported = 0L;
            var batch = new List<CtdcReferenceRecord>(1000);
            await foreach (var row in ReadAsync(path, progress, [], ct))
            {
                batch.Add(ToRecord(run.Id, row));
                if (batch.Count == 1000)
                {
                    imported += await bulk.InsertAsync(batch, ct);
                    progress.RowsImported = imported;
                    batch.Clear();
                }
            }
            imported += await bulk.InsertAsync(batch, ct);
            progress.RowsImported = imported;
        }
        await audit.RecordAsync(db, ExchangeAuditActions.CtdcImport, ExchangeAuditActions.TargetType, run.Id.ToString(),
            details: $"CTDC import of \"{run.FileName}\": {rows} rows as reference data", cancellationToken: ct);
        await transaction.CommitAsync(ct);
        progress.Phase = CtdcImportPhase.Imported;
        return new CtdcImportResult(run.Id, rows, 0, [], false);
    }

    /// <summary>One data row: its physical line and the cells by codebook variable, or why its cells cannot be told apart.</summary>
    public sealed record Row(long Line, IReadOnlyDictionary<string, string> Cells, string? Broken = null);

    /// <summary>The bad cells of one row (an empty list for a good row).</summary>
    public static List<CtdcRowError> Check(Row row)
    {
        var errors = new List<CtdcRowError>();
        foreach (var variable in CtdcCodebook.Variables)
        {
            if (CtdcCodebook.Check(variable, row.Cells.GetValueOrDefault(variable.Name, "")) is { } message)
            {
                errors.Add(new CtdcRowError(row.Line, variable.Name, message));
            }
        }
        return errors;
    }

    private static CtdcReferenceRecord ToRecord(Guid importId, Row row)
    {
        string? Value(string name) => row.Cells.GetValueOrDefault(name) is { Length: > 0 } v ? v : null;
        var flags = 0;
        for (var i = 0; i < CtdcCodebook.BinaryVariables.Count; i++)
        {
            if (Value(CtdcCodebook.BinaryVariables[i]) == "1")
            {
                flags |= 1 << i;
            }
        }
        return new CtdcReferenceRecord
        {
            ImportId = importId,
            YearOfRegistration = Value("yearOfRegistration") is { } y ? int.Parse(y, NumberStyles.None, CultureInfo.InvariantCulture) : null,
            Gender = Value("gender"), AgeBroad = Value("ageBroad"), Citizenship = Value("citizenship"),
            CountryOfExploitation = Value("CountryOfExploitation"), TraffickMonths = Value("traffickMonths"), Flags = flags,
        };
    }

    /// <summary>
    /// Streams the file's rows (RFC 4180: quoted cells may hold commas, quotes and line breaks). A header problem is added to
    /// <paramref name="errors"/> and ends the file; a row with the wrong number of cells comes back <see cref="Row.Broken"/>.
    /// </summary>
    public static async IAsyncEnumerable<Row> ReadAsync(string path, CtdcImportProgress progress, List<CtdcRowError> errors,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        using var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var records = new CsvRecords(reader);
        var header = await records.NextAsync(ct);
        if (header is null)
        {
            errors.Add(new CtdcRowError(1, null, "The file is empty: a header with the codebook's variables comes first."));
            yield break;
        }
        var columns = header.Value.Cells.Select(c => c.Trim()).ToList();
        var missing = CtdcCodebook.Names.Where(n => !columns.Contains(n, StringComparer.Ordinal)).ToList();
        var unknown = columns.Where(c => CtdcCodebook.Find(c) is null && !c.StartsWith("ext_", StringComparison.Ordinal)).ToList();
        var twice = columns.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        foreach (var name in missing)
        {
            errors.Add(new CtdcRowError(1, name, "This codebook variable has no column."));
        }
        foreach (var name in unknown)
        {
            errors.Add(new CtdcRowError(1, name, "This column is not a variable of the CTDC codebook (v2024)."));
        }
        foreach (var name in twice)
        {
            errors.Add(new CtdcRowError(1, name, "This column appears more than once."));
        }
        if (missing.Count > 0 || unknown.Count > 0 || twice.Count > 0)
        {
            yield break;
        }
        while (await records.NextAsync(ct) is { } record)
        {
            progress.BytesRead = file.Position;
            if (record.Cells.Count == 1 && record.Cells[0].Length == 0)
            {
                continue;
            }
            if (record.Cells.Count != columns.Count)
            {
                yield return new Row(record.Line, new Dictionary<string, string>(),
                    $"{record.Cells.Count} cells where the header has {columns.Count} (an unquoted comma?).");
                continue;
            }
            var cells = new Dictionary<string, string>(columns.Count, StringComparer.Ordinal);
            for (var i = 0; i < columns.Count; i++)
            {
                cells[columns[i]] = record.Cells[i];
            }
            yield return new Row(record.Line, cells);
        }
        progress.BytesRead = file.Position;
    }

    private static string Name(string fileName)
    {
        var name = Path.GetFileName(fileName ?? "");
        return name.Length == 0 ? "upload.csv" : name.Length > 200 ? name[..200] : name;
    }

    /// <summary>A minimal RFC 4180 reader: records with the physical line each starts on.</summary>
    private sealed class CsvRecords(TextReader reader)
    {
        private long _line;

        public async Task<(long Line, List<string> Cells)?> NextAsync(CancellationToken ct)
        {
            var text = await reader.ReadLineAsync(ct);
            if (text is null)
            {
                return null;
            }
            _line++;
            var start = _line;
            var cells = new List<string>();
            var cell = new StringBuilder();
            var quoted = false;
            var i = 0;
            while (true)
            {
                if (i >= text.Length)
                {
                    if (quoted)
                    {
                        // A quoted cell goes on over the line break.
                        var more = await reader.ReadLineAsync(ct);
                        if (more is null)
                        {
                            break;
                        }
                        _line++;
                        cell.Append('\n');
                        text = more;
                        i = 0;
                        continue;
                    }
                    break;
                }
                var ch = text[i];
                if (quoted)
                {
                    if (ch == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            cell.Append('"');
                            i += 2;
                            continue;
                        }
                        quoted = false;
                    }
                    else
                    {
                        cell.Append(ch);
                    }
                }
                else if (ch == '"' && cell.Length == 0)
                {
                    quoted = true;
                }
                else if (ch == ',')
                {
                    cells.Add(cell.ToString());
                    cell.Clear();
                }
                else
                {
                    cell.Append(ch);
                }
                i++;
            }
            cells.Add(cell.ToString());
            return (start, cells);
        }
    }
}
