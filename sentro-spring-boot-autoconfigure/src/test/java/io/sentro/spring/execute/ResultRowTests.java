package io.sentro.spring.execute;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResultRowTests {

    private static final String[] NAMES = { "id", "title", "views" };

    private static ResultRow row() {
        return new ResultRow(NAMES, new Object[] { 1L, "Hello", null });
    }

    @Test
    void readsLikeAMapInColumnOrder() {
        ResultRow row = row();
        assertThat(row).hasSize(3).containsEntry("title", "Hello").containsEntry("views", null);
        assertThat(row.containsKey("views")).isTrue();
        assertThat(row.containsKey("body")).isFalse();
        assertThat(row.get("body")).isNull();
        assertThat(new ArrayList<>(row.keySet())).containsExactly("id", "title", "views");
        List<String> visited = new ArrayList<>();
        row.forEach((name, value) -> visited.add(name + "=" + value));
        assertThat(visited).containsExactly("id=1", "title=Hello", "views=null");
        Map<String, Object> same = new LinkedHashMap<>();
        same.put("id", 1L);
        same.put("title", "Hello");
        same.put("views", null);
        assertThat(row).isEqualTo(same);
        assertThat(row.hashCode()).isEqualTo(same.hashCode());
    }

    @Test
    void keysAddedAfterTheColumnsFollowThemAndSurviveACopy() {
        ResultRow row = row();
        for (int i = 0; i < 6; i++) {
            assertThat(row.put("relation" + i, List.of(i))).isNull();
        }
        assertThat(row).hasSize(9).containsEntry("relation5", List.of(5)).containsEntry("title", "Hello");
        List<String> visited = new ArrayList<>();
        row.forEach((name, value) -> visited.add(name));
        assertThat(visited).containsExactly("id", "title", "views", "relation0", "relation1", "relation2",
                "relation3", "relation4", "relation5");
        assertThat(row.put("relation2", "again")).isEqualTo(List.of(2));
        row.remove("title");
        assertThat(new ArrayList<>(row.keySet())).containsExactly("id", "views", "relation0", "relation1",
                "relation2", "relation3", "relation4", "relation5");
        assertThat(row.get("relation2")).isEqualTo("again");
    }

    @Test
    void changesLikeAMapAsHooksDo() {
        ResultRow row = row();
        row.remove("title");
        row.put("label", "Low stock");
        row.put("id", 2L);
        assertThat(new ArrayList<>(row.keySet())).containsExactly("id", "views", "label");
        assertThat(row.get("id")).isEqualTo(2L);
        List<String> visited = new ArrayList<>();
        row.forEach((name, value) -> visited.add(name));
        assertThat(visited).containsExactly("id", "views", "label");
        row.entrySet().removeIf(entry -> entry.getKey().equals("views"));
        assertThat(row).containsOnlyKeys("id", "label");
        row.clear();
        assertThat(row).isEmpty();
    }

    @Test
    void rowsOfOneResultShareTheirNamesButNotTheirChanges() {
        ResultRow first = row();
        ResultRow second = row();
        first.remove("title");
        assertThat(second).containsKey("title");
    }
}
