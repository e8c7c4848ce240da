package dev.condis.jpf;

import dev.condis.reference.ddi.Actor;
import dev.condis.reference.ddi.ContextKind;
import dev.condis.reference.ddi.ContextRef;
import dev.condis.reference.ddi.NdisAfHandle;
import dev.condis.reference.ddi.NdisHandle;
import dev.condis.reference.ddi.NdisPartyHandle;
import dev.condis.reference.ddi.NdisSapHandle;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.event.NdisEvent;
import dev.condis.reference.event.RequestKind;
import dev.condis.reference.event.RequestToken;
import dev.condis.reference.event.Stamp;
import dev.condis.reference.rules.RuleCategory;
import java.util.ArrayList;
import java.util.List;

/**
 * One NDIS event as one line of text and back. Inside JPF, {@link JpfMain} prints every event
 * of the execution it runs; JPF keeps that output with the path and prints it for the
 * counterexample (the {@code output} report topic), and the engine reads it back into the
 * {@link NdisEvent}s a report's sequence chart is drawn from.
 *
 * <p>A line is {@value #PREFIX} then tab-separated fields: the event type, the stamp's
 * sequence number and thread, then the event's own fields in declaration order (a request
 * token as id, kind, vc, party, and after the event's own fields its parameters as a context or
 * four nulls; a context as kind, id, tag, owner). Tabs, newlines and backslashes in
 * text are escaped; {@code null} is {@code \0}.
 *
 * <p>The encoder runs inside JPF: plain {@link StringBuilder} work and pattern matching only.
 */
public final class EventCodec {
  public static final String PREFIX = "condis-event\t";
  private static final String NULL = "\\0";

  private EventCodec() {}

  /** The line for {@code event} (without a line break). */
  public static String encode(NdisEvent event) {
    StringBuilder sb = new StringBuilder(PREFIX);
    Stamp s = event.stamp();
    if (event instanceof NdisEvent.ApiCalled e) {
      fields(sb, "ApiCalled", s, e.caller(), e.api(), e.args());
    } else if (event instanceof NdisEvent.ApiReturned e) {
      fields(sb, "ApiReturned", s, e.caller(), e.api(), e.status());
    } else if (event instanceof NdisEvent.HandlerCalled e) {
      fields(sb, "HandlerCalled", s, e.callee(), e.handler(), e.args());
    } else if (event instanceof NdisEvent.HandlerReturned e) {
      fields(sb, "HandlerReturned", s, e.callee(), e.handler(), e.status());
    } else if (event instanceof NdisEvent.RequestOpened e) {
      RequestToken t = e.token();
      ContextRef p = t.parameters();
      fields(sb, "RequestOpened", s, t.id(), t.kind(), t.vc(), t.party(),
          p == null ? null : p.kind(), p == null ? null : p.id(), p == null ? null : p.tag(), p == null ? null : p.owner());
    } else if (event instanceof NdisEvent.RequestCompleted e) {
      RequestToken t = e.token();
      ContextRef p = t.parameters();
      fields(sb, "RequestCompleted", s, t.id(), t.kind(), t.vc(), t.party(), e.status(), e.pended(),
          p == null ? null : p.kind(), p == null ? null : p.id(), p == null ? null : p.tag(), p == null ? null : p.owner());
    } else if (event instanceof NdisEvent.HandleIssued e) {
      fields(sb, "HandleIssued", s, e.handle(), e.detail());
    } else if (event instanceof NdisEvent.HandleInvalidated e) {
      fields(sb, "HandleInvalidated", s, e.handle(), e.reason());
    } else if (event instanceof NdisEvent.HandleUsed e) {
      fields(sb, "HandleUsed", s, e.user(), e.handle(), e.api(), e.valid());
    } else if (event instanceof NdisEvent.ContextAllocated e) {
      ContextRef c = e.context();
      fields(sb, "ContextAllocated", s, c.kind(), c.id(), c.tag(), c.owner());
    } else if (event instanceof NdisEvent.ContextReleased e) {
      ContextRef c = e.context();
      fields(sb, "ContextReleased", s, c.kind(), c.id(), c.tag(), c.owner(), e.where());
    } else if (event instanceof NdisEvent.RuleViolation e) {
      fields(sb, "RuleViolation", s, e.ruleId(), e.category(), e.message());
    } else if (event instanceof NdisEvent.Note e) {
      fields(sb, "Note", s, e.actor(), e.text());
    } else {
      fields(sb, "Unknown", s, event.getClass().getName());
    }
    return sb.toString();
  }

  private static void fields(StringBuilder sb, String type, Stamp stamp, Object... values) {
    sb.append(type).append('\t').append(stamp.seq()).append('\t');
    escape(sb, stamp.thread());
    for (Object v : values) {
      sb.append('\t');
      if (v instanceof Enum<?> e) {
        sb.append(e.name());
      } else {
        escape(sb, v == null ? null : String.valueOf(v));
      }
    }
  }

  private static void escape(StringBuilder sb, String text) {
    if (text == null) {
      sb.append(NULL);
      return;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '\t' -> sb.append("\\t");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        default -> sb.append(c);
      }
    }
  }

  /** The events among {@code lines} (other lines are skipped), in order. Host side only. */
  public static List<NdisEvent> decodeAll(Iterable<String> lines) {
    List<NdisEvent> out = new ArrayList<>();
    for (String line : lines) {
      int at = line.indexOf(PREFIX);
      if (at >= 0) {
        out.add(decode(line.substring(at)));
      }
    }
    return out;
  }

  /** Reads one line made by {@link #encode}; a malformed one throws {@link IllegalArgumentException}. */
  public static NdisEvent decode(String line) {
    if (!line.startsWith(PREFIX)) {
      throw new IllegalArgumentException("not an event line: " + line);
    }
    String[] raw = line.substring(PREFIX.length()).split("\t", -1);
    String[] f = new String[raw.length];
    for (int i = 0; i < raw.length; i++) {
      f[i] = unescape(raw[i]);
    }
    try {
      Stamp s = new Stamp(Long.parseLong(f[1]), f[2]);
      return switch (f[0]) {
        case "ApiCalled" -> new NdisEvent.ApiCalled(s, Actor.valueOf(f[3]), f[4], f[5]);
        case "ApiReturned" -> new NdisEvent.ApiReturned(s, Actor.valueOf(f[3]), f[4], status(f[5]));
        case "HandlerCalled" -> new NdisEvent.HandlerCalled(s, Actor.valueOf(f[3]), f[4], f[5]);
        case "HandlerReturned" -> new NdisEvent.HandlerReturned(s, Actor.valueOf(f[3]), f[4], status(f[5]));
        case "RequestOpened" -> new NdisEvent.RequestOpened(s, token(f, 3, parameters(f, 7)));
        case "RequestCompleted" ->
            new NdisEvent.RequestCompleted(s, token(f, 3, parameters(f, 9)), status(f[7]), Boolean.parseBoolean(f[8]));
        case "HandleIssued" -> new NdisEvent.HandleIssued(s, handle(f[3]), f[4]);
        case "HandleInvalidated" -> new NdisEvent.HandleInvalidated(s, handle(f[3]), f[4]);
        case "HandleUsed" ->
            new NdisEvent.HandleUsed(s, Actor.valueOf(f[3]), handle(f[4]), f[5], Boolean.parseBoolean(f[6]));
        case "ContextAllocated" -> new NdisEvent.ContextAllocated(s, context(f, 3));
        case "ContextReleased" -> new NdisEvent.ContextReleased(s, context(f, 3), f[7]);
        case "RuleViolation" -> new NdisEvent.RuleViolation(s, f[3], RuleCategory.valueOf(f[4]), f[5]);
        case "Note" -> new NdisEvent.Note(s, Actor.valueOf(f[3]), f[4]);
        default -> throw new IllegalArgumentException("unknown event type " + f[0]);
      };
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("malformed event line: " + line + " (" + e.getMessage() + ")", e);
    }
  }

  private static RequestToken token(String[] f, int i, ContextRef parameters) {
    return new RequestToken(Integer.parseInt(f[i]), RequestKind.valueOf(f[i + 1]),
        (NdisVcHandle) handle(f[i + 2]), (NdisPartyHandle) handle(f[i + 3]), parameters);
  }

  /** A handle as its toString printed it ("vc#3", "party#5", "af#1", "sap#1"); null for null. */
  static NdisHandle handle(String text) {
    if (text == null) {
      return null;
    }
    int hash = text.indexOf('#');
    if (hash < 0) {
      throw new IllegalArgumentException("not a handle: " + text);
    }
    int id = Integer.parseInt(text.substring(hash + 1));
    switch (text.substring(0, hash)) {
      case "vc":
        return new NdisVcHandle(id);
      case "party":
        return new NdisPartyHandle(id);
      case "af":
        return new NdisAfHandle(id);
      case "sap":
        return new NdisSapHandle(id);
      default:
        throw new IllegalArgumentException("not a handle: " + text);
    }
  }

  /** A request's CallParameters, after its other fields: four nulls for none. */
  private static ContextRef parameters(String[] f, int i) {
    return f[i] == null ? null : context(f, i);
  }

  private static ContextRef context(String[] f, int i) {
    return new ContextRef(ContextKind.valueOf(f[i]), Integer.parseInt(f[i + 1]), f[i + 2],
        f[i + 3] == null ? null : Actor.valueOf(f[i + 3]));
  }

  private static NdisStatus status(String s) {
    return s == null ? null : NdisStatus.valueOf(s);
  }

  private static String unescape(String s) {
    if (s.equals(NULL)) {
      return null;
    }
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        sb.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
