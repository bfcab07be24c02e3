using System.Buffers;
using System.Globalization;
using System.Text;
using Trinn.Statistics.Contract;

namespace Trinn.Core.Research;

/// <summary>
/// A CSV file read by the same rules as <see cref="CsvTable"/> (the statistics contract's section 2), but one row at a
/// time from the bytes, never holding the file: the repeated-measures analyses (<see cref="StatsRequest.RowWise"/>) keep
/// only exact sums, so a file of a million subjects needs a few megabytes. Numbers are parsed straight from the UTF-8
/// bytes into <c>decimal</c>; anything the fast path does not recognise (an exponent, more than 18 digits, non-ASCII
/// text) goes through <c>decimal.TryParse</c> exactly as <see cref="CsvTable"/> does, so both accept the same cells with
/// the same values. The caller opens the stream (<paramref name="open"/> is called once per pass); this class never
/// touches the file system.
/// </summary>
public sealed class CsvRows(Func<Stream> open, string? source = null) : IColumnSource, IRowSource
{
    private const int BufferSize = 1 << 20;

    private readonly string prefix = source is null ? "" : source + ": ";
    private int? rowCount;

    /// <inheritdoc/>
    public int RowCount => rowCount ??= ReadRows([], null, static (_, _) => { });

    /// <inheritdoc/>
    public IReadOnlyList<decimal?> Column(string name)
    {
        var values = new List<decimal?>();
        ReadRows([name], null, (v, _) => values.Add(v[0]));
        return values;
    }

    /// <inheritdoc/>
    public IReadOnlyList<string?> Labels(string name)
    {
        var labels = new List<string?>();
        ReadRows([], name, (_, l) => labels.Add(l.IsEmpty ? null : l.ToString()));
        return labels;
    }

    /// <inheritdoc/>
    public int ReadRows(IReadOnlyList<string> numericColumns, string? labelColumn, RowHandler handler)
    {
        ArgumentNullException.ThrowIfNull(numericColumns);
        ArgumentNullException.ThrowIfNull(handler);
        try
        {
            using Stream stream = open();
            return new Pass(stream, numericColumns, labelColumn).Run(handler);
        }
        catch (CsvDataException e)
        {
            throw new StatsRequestException(prefix + e.Message, e);
        }
    }

    private sealed class Pass(Stream stream, IReadOnlyList<string> numericColumns, string? labelColumn)
    {
        private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

        private byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        private int start;
        private int end;
        private bool eof;
        private string[] names = [];
        private int[] slots = [];
        private int labelIndex = -1;
        private int[] fieldStart = [];
        private int[] fieldEnd = [];
        private char[] labelChars = new char[256];

        public int Run(RowHandler handler)
        {
            try
            {
                return Read(handler);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        private int Read(RowHandler handler)
        {
            if (!NextLine(out ReadOnlySpan<byte> first) || IsBlank(first))
            {
                throw new CsvDataException(CsvProblem.NoHeader, "the file has no header row.", line: 1);
            }

            Header(first);
            var values = new decimal?[slots.Length];
            int line = 1;
            int rows = 0;
            while (NextLine(out ReadOnlySpan<byte> text))
            {
                line++;
                if (names.Length > 1 && IsBlank(text))
                {
                    continue;
                }

                int fields = Split(text, line);
                if (fields != names.Length)
                {
                    throw new CsvDataException(CsvProblem.WrongFieldCount, $"line {line} has {fields} fields, the header has {names.Length}.", line: line, fields: fields, headerFields: names.Length);
                }

                for (int s = 0; s < slots.Length; s++)
                {
                    int f = slots[s];
                    values[s] = Number(Field(text, f), line, names[f]);
                }

                ReadOnlySpan<char> label = labelIndex < 0 ? default : Label(Field(text, labelIndex));
                rows++;
                handler(values, label);
            }

            return rows;
        }

        private void Header(ReadOnlySpan<byte> first)
        {
            if (first.StartsWith("\uFEFF"u8))
            {
                first = first[3..];
            }

            names = [.. Decode(first).Split(',').Select(f => f.Trim())];
            var header = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < names.Length; i++)
            {
                if (names[i].Length == 0)
                {
                    throw new CsvDataException(CsvProblem.EmptyColumnName, $"column {i + 1} of the header has no name.", line: 1);
                }

                if (!header.TryAdd(names[i], i))
                {
                    throw new CsvDataException(CsvProblem.DuplicateColumn, $"the column '{names[i]}' appears twice in the header.", line: 1, column: names[i]);
                }
            }

            int Index(string name) => header.TryGetValue(name, out int i) ? i
                : throw new CsvDataException(CsvProblem.UnknownColumn, $"unknown column '{name}'. Columns: {string.Join(", ", names)}.", column: name);
            slots = [.. numericColumns.Select(Index)];
            labelIndex = labelColumn is null ? -1 : Index(labelColumn);
            fieldStart = new int[names.Length];
            fieldEnd = new int[names.Length];
        }

        /// <summary>Records the field boundaries of a line (up to the header's count) and returns its number of fields.</summary>
        private int Split(ReadOnlySpan<byte> text, int line)
        {
            int count = 0;
            int at = 0;
            while (true)
            {
                int comma = text[at..].IndexOf((byte)',');
                int stop = comma < 0 ? text.Length : at + comma;
                if (count < fieldStart.Length)
                {
                    fieldStart[count] = at;
                    fieldEnd[count] = stop;
                }

                count++;
                if (comma < 0)
                {
                    return count;
                }

                at = stop + 1;
                if (count > names.Length + 1)
                {
                    // Count the rest without recording it; the line is refused anyway.
                    return count + 1 + text[at..].Count((byte)',');
                }
            }
        }

        private ReadOnlySpan<byte> Field(ReadOnlySpan<byte> text, int f) => text[fieldStart[f]..fieldEnd[f]];

        private static decimal? Number(ReadOnlySpan<byte> raw, int line, string column)
        {
            ReadOnlySpan<byte> cell = TrimAscii(raw);
            if (cell.IsEmpty && raw.IndexOfAnyExceptInRange((byte)0, (byte)0x7F) < 0)
            {
                return null;
            }

            if (TryFast(cell, out decimal value))
            {
                return value;
            }

            // The slow path is CsvTable's: the trimmed text through decimal.TryParse.
            string text = Decode(raw).Trim();
            if (text.Length == 0)
            {
                return null;
            }

            return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal parsed) ? parsed
                : throw new CsvDataException(CsvProblem.NotANumber, $"line {line}, column '{column}': '{text}' is not a number.", line: line, column: column, text: text);
        }

        /// <summary>[+-]digits[.digits] with at most 18 significant digits, exactly.</summary>
        private static bool TryFast(ReadOnlySpan<byte> s, out decimal value)
        {
            value = 0;
            int i = 0;
            bool negative = false;
            if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
            {
                negative = s[0] == '-';
                i = 1;
            }

            long mantissa = 0;
            int significant = 0;
            int scale = 0;
            bool point = false;
            bool digit = false;
            for (; i < s.Length; i++)
            {
                int b = s[i];
                if ((uint)(b - '0') <= 9)
                {
                    digit = true;
                    if (mantissa != 0 || b != '0')
                    {
                        if (++significant > 18)
                        {
                            return false;
                        }
                    }

                    mantissa = (mantissa * 10) + (b - '0');
                    if (point)
                    {
                        scale++;
                    }
                }
                else if (b == '.' && !point)
                {
                    point = true;
                }
                else
                {
                    return false;
                }
            }

            if (!digit || scale > 28)
            {
                return false;
            }

            value = new decimal((int)mantissa, (int)(mantissa >> 32), 0, negative, (byte)scale);
            return true;
        }

        private ReadOnlySpan<char> Label(ReadOnlySpan<byte> raw)
        {
            if (raw.IndexOfAnyExceptInRange((byte)0, (byte)0x7F) >= 0)
            {
                return Decode(raw).Trim();
            }

            ReadOnlySpan<byte> cell = TrimAscii(raw);
            if (labelChars.Length < cell.Length)
            {
                labelChars = new char[cell.Length];
            }

            int n = Encoding.ASCII.GetChars(cell, labelChars);
            return labelChars.AsSpan(0, n);
        }

        private static ReadOnlySpan<byte> TrimAscii(ReadOnlySpan<byte> s) => s.Trim(" \t\r\n\v\f"u8);

        private static bool IsBlank(ReadOnlySpan<byte> line) =>
            line.IndexOfAnyExceptInRange((byte)0, (byte)0x7F) < 0 ? TrimAscii(line).IsEmpty : Decode(line).Trim().Length == 0;

        private static string Decode(ReadOnlySpan<byte> bytes) => Utf8.GetString(bytes);

        /// <summary>The next line without its '\n' (and a trailing '\r' left for trimming); false at the end.</summary>
        private bool NextLine(out ReadOnlySpan<byte> line)
        {
            while (true)
            {
                int newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
                if (newline >= 0)
                {
                    line = buffer.AsSpan(start, newline);
                    start += newline + 1;
                    return true;
                }

                if (eof)
                {
                    if (start < end)
                    {
                        line = buffer.AsSpan(start, end - start);
                        start = end;
                        return true;
                    }

                    line = default;
                    return false;
                }

                Fill();
            }
        }

        private void Fill()
        {
            int remaining = end - start;
            if (start > 0)
            {
                Buffer.BlockCopy(buffer, start, buffer, 0, remaining);
            }
            else if (remaining == buffer.Length)
            {
                // A line longer than the buffer: grow it.
                byte[] larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                Buffer.BlockCopy(buffer, 0, larger, 0, remaining);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }

            (start, end) = (0, remaining);
            int read = stream.Read(buffer, end, buffer.Length - end);
            if (read == 0)
            {
                eof = true;
            }

            end += read;
        }
    }
}
