package bench;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The floor of bench/run.sh: what a competent hand-written service over {@code posts} costs. Same tables, same JSON
 * shapes as Sentro's, Boot's defaults (HikariCP with 10 connections, Jackson), one auto-committed statement per
 * request (two for a counted list), and only what the benchmark's scenarios use.
 */
@SpringBootApplication
public class FloorApplication {

    public static void main(String[] args) {
        SpringApplication.run(FloorApplication.class, args);
    }

    public record Post(long id, @JsonProperty("author_id") long authorId, String title, String status, int views,
            @JsonProperty("created_at") OffsetDateTime createdAt) {
    }

    /**
     * Sentro's list response: {@code total} is null unless {@code count=exact}; the floor never estimates it, so
     * {@code totalIsEstimate} is always false.
     */
    public record Page(List<Post> rows, Long total, boolean totalIsEstimate, long limit, long offset) {
    }

    public record NewPost(@JsonProperty("author_id") Long authorId, String title) {
    }

    public record PostChanges(String title, Integer views) {
    }

    @RestController
    @RequestMapping("/api/posts")
    public static class Posts {

        private static final String COLUMNS = "id, author_id, title, status, views, created_at";
        private static final Set<String> SORTABLE = Set.of("id", "author_id", "title", "status", "views", "created_at");
        private static final RowMapper<Post> POST = Posts::post;

        private final JdbcTemplate jdbc;

        public Posts(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @GetMapping("/{id}")
        public ResponseEntity<Post> get(@PathVariable long id) {
            return one(jdbc.query("SELECT " + COLUMNS + " FROM posts WHERE id = ?", POST, id));
        }

        @GetMapping
        public Page list(@RequestParam(defaultValue = "20") long limit, @RequestParam(defaultValue = "0") long offset,
                @RequestParam(required = false) String sort, @RequestParam(defaultValue = "none") String count,
                @RequestParam(name = "where.author_id.eq", required = false) Long authorId,
                @RequestParam(name = "where.status.eq", required = false) String status,
                @RequestParam(name = "where.views.gte", required = false) Integer minViews) {
            if (limit < 0 || limit > 1000 || offset < 0) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be 0..1000, offset >= 0");
            }
            StringBuilder where = new StringBuilder();
            List<Object> args = new ArrayList<>();
            if (authorId != null) {
                where.append(" WHERE author_id = ?");
                args.add(authorId);
            }
            if (status != null) {
                where.append(where.isEmpty() ? " WHERE " : " AND ").append("status = ?");
                args.add(status);
            }
            if (minViews != null) {
                where.append(where.isEmpty() ? " WHERE " : " AND ").append("views >= ?");
                args.add(minViews);
            }
            String order = " ORDER BY id";
            if (sort != null) {
                boolean descending = sort.startsWith("-");
                String column = descending ? sort.substring(1) : sort;
                if (!SORTABLE.contains(column)) {
                    throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "cannot sort by " + column);
                }
                // The key breaks ties, so that pages are stable (as Sentro does).
                order = " ORDER BY " + column + (descending ? " DESC" : "") + (column.equals("id") ? "" : ", id");
            }
            Long total = switch (count) {
                case "none" -> null;
                case "exact" -> jdbc.queryForObject("SELECT count(*) FROM posts" + where, Long.class, args.toArray());
                default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "count must be exact or none");
            };
            List<Object> pageArgs = new ArrayList<>(args);
            pageArgs.add(limit);
            pageArgs.add(offset);
            List<Post> rows = jdbc.query("SELECT " + COLUMNS + " FROM posts" + where + order + " LIMIT ? OFFSET ?",
                    POST, pageArgs.toArray());
            return new Page(rows, total, false, limit, offset);
        }

        @PostMapping
        public ResponseEntity<Post> create(@RequestBody NewPost post) {
            if (post.authorId() == null || post.title() == null) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "author_id and title are required");
            }
            Post created = jdbc.queryForObject("INSERT INTO posts (author_id, title) VALUES (?, ?) RETURNING " + COLUMNS,
                    POST, post.authorId(), post.title());
            return ResponseEntity.created(URI.create("/api/posts/" + created.id())).body(created);
        }

        @PatchMapping("/{id}")
        public ResponseEntity<Post> update(@PathVariable long id, @RequestBody PostChanges changes) {
            StringBuilder set = new StringBuilder();
            List<Object> args = new ArrayList<>();
            if (changes.title() != null) {
                set.append("title = ?");
                args.add(changes.title());
            }
            if (changes.views() != null) {
                set.append(set.isEmpty() ? "" : ", ").append("views = ?");
                args.add(changes.views());
            }
            if (set.isEmpty()) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "nothing to update");
            }
            args.add(id);
            return one(jdbc.query("UPDATE posts SET " + set + " WHERE id = ? RETURNING " + COLUMNS, POST,
                    args.toArray()));
        }

        private static ResponseEntity<Post> one(List<Post> rows) {
            return rows.isEmpty() ? ResponseEntity.notFound().build() : ResponseEntity.ok(rows.get(0));
        }

        private static Post post(ResultSet rs, int row) throws SQLException {
            return new Post(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                    rs.getObject(6, OffsetDateTime.class));
        }
    }
}
